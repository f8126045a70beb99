package net.outageherald.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import net.outageherald.config.ConfigLoader;
import net.outageherald.config.ConfigNode;

/**
 * Binds one config section the way start-up does, through the config loader: the YAML that would stand under
 * {@code section:}, an environment, and the section's binder. A bad value is the
 * {@link net.outageherald.config.ConfigException} with the key's path that an operator would see.
 */
public final class SectionBinder {

    private static final YAMLMapper YAML = new YAMLMapper();

    private SectionBinder() {
    }

    /** {@code baseDir} stands in for the config file's folder (relative secret files resolve against it). */
    public static <T> T bind(String section, String yaml, Map<String, String> env, Path baseDir,
                             Function<ConfigNode, T> binder) {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.set(section, parse(yaml));
        return ConfigLoader.bind(document, env, baseDir, root -> binder.apply(root.section(section)));
    }

    /** A whole YAML document (an empty one for blank text), for tests that bind from the root. */
    public static JsonNode document(String yaml) {
        return parse(yaml);
    }

    private static JsonNode parse(String yaml) {
        try {
            JsonNode node = YAML.readTree(yaml);
            return node == null || node.isMissingNode() || node.isNull() ? JsonNodeFactory.instance.objectNode() : node;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
