package net.outageherald.config;

import net.outageherald.store.DatabaseConfig;
import net.outageherald.app.HeraldConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretMaskingTest {

    @TempDir
    Path dir;

    @Test
    void noSecretAppearsInAnyRecordsToString() throws IOException {
        // GIVEN a config with a password, both as the secret and inside the JDBC URL
        Path file = Files.writeString(dir.resolve("herald.yaml"), """
                database:
                  url: 'jdbc:postgresql://db:5432/herald?user=herald&password=hunter2&ssl=true'
                  username: herald
                  password: hunter2
                """);

        // WHEN the loaded config is printed whole, as a start-up log line would
        HeraldConfig config = HeraldConfig.load(file, Map.of());
        String printed = config.toString() + config.database();

        // THEN the password shows nowhere, yet the rest is there to debug with
        assertThat(printed).doesNotContain("hunter2")
                .contains("password=***", "username=herald", "ssl=true");
        assertThat(config.database().password().reveal()).isEqualTo("hunter2");
    }

    @Test
    void aMissingPasswordPrintsAsNone() {
        // GIVEN the default database config, which has no password
        // WHEN / THEN it says so rather than printing null
        assertThat(DatabaseConfig.defaults().toString())
                .isEqualTo("DatabaseConfig[url=jdbc:sqlite:data/outage-herald.db, username=null, password=(none), poolSize=10, leaderCheck=PT2S]");
    }
}
