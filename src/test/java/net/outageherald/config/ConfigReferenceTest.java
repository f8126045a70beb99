package net.outageherald.config;

import net.outageherald.app.HeraldConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md is the operators' reference: one table row per key the binders know, with the
 * same default and environment variable, and no row for a key that no longer exists.
 * (ExampleConfigTest checks the same for config/herald.yaml.)
 */
class ConfigReferenceTest {

    private static final Path REFERENCE = Path.of("docs", "configuration.md");
    // | `section.key` | `default` | `ENV` | meaning | example |
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([a-z0-9.\\[\\]-]+)`\\s*\\|([^|]*)\\|([^|]*)\\|.*$",
            Pattern.MULTILINE);

    private final Map<String, String[]> rows = new LinkedHashMap<>();

    @BeforeEach
    void readTheReference() throws IOException {
        Matcher m = ROW.matcher(Files.readString(REFERENCE));
        while (m.find()) {
            rows.put(m.group(1), new String[] {m.group(2).strip(), m.group(3).strip()});
        }
    }

    @Test
    void everyKeyInTheCodeHasARowWithItsDefaultAndEnvironmentVariable() {
        for (KeyDescription key : HeraldConfig.describeKeys()) {
            assertThat(rows).as("%s has no row in %s", key.path(), REFERENCE).containsKey(key.path());
            String[] cells = rows.get(key.path());
            assertThat(cells[0]).as("default of " + key.path()).isEqualTo(quoted(key.defaultValue()));
            assertThat(cells[1]).as("env of " + key.path()).isEqualTo(key.envVar() == null ? "" : quoted(key.envVar()));
        }
    }

    @Test
    void everyRowIsAKeyTheCodeKnows() {
        List<String> known = HeraldConfig.describeKeys().stream().map(KeyDescription::path).toList();
        assertThat(known).as("rows in " + REFERENCE + " for keys that do not exist").containsAll(rows.keySet());
    }

    private static String quoted(String value) {
        return value.isEmpty() ? "" : "`" + value + "`";
    }
}
