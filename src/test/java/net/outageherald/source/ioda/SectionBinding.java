package net.outageherald.source.ioda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.outageherald.config.ConfigException;
import net.outageherald.config.ConfigLoader;
import net.outageherald.config.ConfigNode;

/** Binds one YAML section with the real config machinery, exactly as the loader binds the whole file. */
final class SectionBinding {

    /** What binding gave (null when it failed), and every problem it reported, unknown keys included. */
    record Bound<T>(T value, List<String> problems) {
    }

    private SectionBinding() {
    }

    static <T> Bound<T> bind(String yaml, String section, Map<String, String> env, Function<ConfigNode, T> binder) {
        JsonNode document;
        try {
            document = new YAMLMapper().readTree(yaml.isBlank() ? "{}" : yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return new Bound<>(ConfigLoader.bind(document, env, Path.of(""), root -> binder.apply(root.section(section))),
                    List.of());
        } catch (ConfigException e) {
            return new Bound<>(null, e.problems());
        }
    }
}
