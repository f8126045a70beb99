package net.outageherald.detect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import net.outageherald.config.ConfigLoader;

/** A detection config with a few keys changed, bound as the service binds {@code detection:}. */
final class DetectionConfigs {

    private DetectionConfigs() {
    }

    /** @param yaml keys of the {@code detection:} section, e.g. {@code "partial-min-prefixes: 1"} */
    static DetectionConfig with(String yaml) {
        try {
            JsonNode doc = new YAMLMapper().readTree("detection: {" + yaml + "}");
            return ConfigLoader.bind(doc, Map.of(), Path.of(""), root -> DetectionConfig.from(root.section("detection")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
