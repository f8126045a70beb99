package net.outageherald.config;

import net.outageherald.app.HeraldConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import net.outageherald.model.Target;
import org.junit.jupiter.api.Test;

/** config/herald.yaml is the operators' reference: it must load, match the defaults and name every key. */
class ExampleConfigTest {

    // Maven runs tests in the project folder, where the example lives
    private static final Path EXAMPLE = Path.of("config", "herald.yaml");

    @Test
    void theExampleLoadsToTheDefaultsApartFromItsWatchList() {
        // GIVEN the example config and no environment
        // WHEN it is loaded
        HeraldConfig config = HeraldConfig.load(EXAMPLE, Map.of());

        // THEN every section equals its defaults, and it watches its two examples
        HeraldConfig defaults = HeraldConfig.defaults();
        assertThat(new HeraldConfig(defaults.watch(), config.detection(), config.ripestat(), config.rislive(),
                config.ioda(), config.database(),
                config.logging(), config.notifications(), config.telegram(), config.discord(),
                config.http(), config.shutdown(), config.charts())).isEqualTo(defaults);
        assertThat(config.watch()).extracting(Target::key).containsExactly("AS3333", "193.0.0.0/21");
    }

    @Test
    void theExampleNamesEveryKeyTheBindersKnow() throws IOException {
        // GIVEN the example as plain YAML
        String text = Files.readString(EXAMPLE);
        JsonNode yaml = new YAMLMapper().readTree(text);

        // WHEN each known key is looked up in it
        // THEN it is there: as a key, or, inside lists of sections, at least named in a comment
        for (KeyDescription key : HeraldConfig.describeKeys()) {
            if (key.path().contains("[]")) {
                String leaf = key.path().substring(key.path().lastIndexOf('.') + 1);
                assertThat(text).as(key.path()).contains(leaf + ":");
            } else {
                String pointer = "/" + key.path().replace('.', '/');
                assertThat(yaml.at(pointer).isMissingNode()).as(key.path() + " in " + EXAMPLE).isFalse();
            }
        }
    }

    @Test
    void withoutHeraldConfigTheExampleInTheWorkingDirectoryIsUsed() {
        // GIVEN no HERALD_CONFIG, and the working directory holding config/herald.yaml
        // WHEN the default config is loaded
        HeraldConfig config = HeraldConfig.loadDefault(Map.of());

        // THEN it is the example's
        assertThat(config).isEqualTo(HeraldConfig.load(EXAMPLE, Map.of()));
    }
}
