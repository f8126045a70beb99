package net.outageherald.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.outageherald.config.ConfigLoader;
import net.outageherald.app.HeraldConfig;
import net.outageherald.store.Database;
import net.outageherald.store.StoreException;
import net.outageherald.testing.FakeRipeStat;
import net.outageherald.testing.HeraldProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tokens and passwords given in the environment never reach a log line or a config's {@code toString},
 * even at DEBUG, where the whole config is logged; and JSON logging writes one JSON object per line.
 */
class SecretsStayOutOfLogsTest {

    private static final String TELEGRAM = "123456:telegram-token-never-to-be-seen";
    private static final String DISCORD = "discord-token-never-to-be-seen";
    private static final String DB_PASSWORD = "db-password-never-to-be-seen";
    private static final Map<String, String> SECRETS = Map.of("TELEGRAM_BOT_TOKEN", TELEGRAM,
            "DISCORD_BOT_TOKEN", DISCORD, "HERALD_DB_PASSWORD", DB_PASSWORD);

    @TempDir
    Path dir;

    @Test
    void aRunAtDebugWithJsonLogsPrintsNoSecretAndOnlyJsonLines() throws Exception {
        // GIVEN the service started with secrets in its environment, JSON logs and DEBUG level
        Path config = Files.writeString(dir.resolve("herald.yaml"), """
                watch: [AS64500]
                detection:
                  spread-polls: false
                logging:
                  level: DEBUG
                """);
        try (FakeRipeStat ripestat = new FakeRipeStat(Clock.systemUTC())) {
            ripestat.as(64500, "EXAMPLE-AS Example Networks", 12, "192.0.2.0/24");
            Map<String, String> env = new java.util.HashMap<>(SECRETS);
            env.putAll(Map.of("HERALD_LOG_FORMAT", "json", "HERALD_RIPESTAT_URL", ripestat.baseUrl(),
                    "HERALD_DB_URL", "jdbc:sqlite:" + dir.resolve("herald.db")));
            try (HeraldProcess herald = HeraldProcess.run(dir, config, env)) {
                // WHEN it runs a poll round and is stopped
                await().atMost(Duration.ofSeconds(30)).until(() -> ripestat.lookingGlassCalls() > 0 || !herald.alive());
                herald.sigterm();
                assertThat(herald.exitCode(Duration.ofSeconds(20))).as(herald.output()).isZero();

                // THEN no secret appears anywhere, though the config was logged (masked)
                String all = herald.output();
                assertThat(all).doesNotContain(TELEGRAM, DISCORD, DB_PASSWORD).contains("password=***");
                // AND every log line is one JSON object with a level, a logger and the message
                List<String> lines = herald.stderr().lines().filter(l -> !l.isBlank()).toList();
                assertThat(lines).hasSizeGreaterThan(3);
                ObjectMapper json = new ObjectMapper();
                for (String line : lines) {
                    JsonNode event = json.readTree(line);
                    assertThat(event.has("level") && event.has("loggerName") && event.has("formattedMessage"))
                            .as(line).isTrue();
                }
                assertThat(herald.stderr()).contains("\"level\":\"DEBUG\"", "Stopped cleanly");
                System.out.println(herald.stderr()); // for a reader of the test report
            }
        }
    }

    @Test
    void theLoadedConfigPrintsNoSecretFromTheEnvironment() throws Exception {
        Path file = Files.writeString(dir.resolve("herald.yaml"), "");
        HeraldConfig config = HeraldConfig.load(file, SECRETS);
        assertThat(config.database().password().reveal()).isEqualTo(DB_PASSWORD);
        assertThat(config.toString() + config.database() + config.http() + config.logging())
                .doesNotContain(TELEGRAM, DISCORD, DB_PASSWORD);
    }

    @Test
    void aDatabaseThatCannotBeReachedIsReportedWithoutThePasswordInItsUrl() {
        // port 1: nothing listens there, so the connection is refused at once
        assertThatThrownBy(() -> Database.open("jdbc:postgresql://127.0.0.1:1/herald?user=herald&password="
                + DB_PASSWORD + "&connectTimeout=2", "herald", DB_PASSWORD, 1))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot connect to the database at jdbc:postgresql://127.0.0.1:1/herald")
                .hasMessageContaining("password=***")
                .hasMessageNotContaining(DB_PASSWORD);
    }
}
