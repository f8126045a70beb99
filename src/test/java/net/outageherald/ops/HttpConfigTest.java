package net.outageherald.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import net.outageherald.config.ConfigException;
import net.outageherald.config.ConfigLoader;
import net.outageherald.app.HeraldConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code http:} and {@code shutdown:} sections: safe defaults, the container's environment, clear errors. */
class HttpConfigTest {

    @TempDir
    Path dir;

    private HeraldConfig load(String yaml, Map<String, String> env) throws IOException {
        return HeraldConfig.load(Files.writeString(dir.resolve("herald.yaml"), yaml), env);
    }

    @Test
    void byDefaultTheEndpointIsOffAndWouldListenOnLoopbackOnly() throws IOException {
        HeraldConfig config = load("", Map.of());
        assertThat(config.http()).isEqualTo(HttpConfig.defaults());
        assertThat(config.http().enabled()).isFalse();
        assertThat(config.http().address()).isEqualTo("127.0.0.1");
        // no explicit age: three poll intervals
        assertThat(config.http().maxPollAge(Duration.ofMinutes(1))).isEqualTo(Duration.ofMinutes(3));
        assertThat(config.shutdown().timeout()).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void theContainersEnvironmentSwitchesItOnForEveryInterfaceOverTheFile() throws IOException {
        // GIVEN a file that says off, and the image's environment that says on
        HeraldConfig config = load("http:\n  enabled: false\n  port: 9000\n  max-poll-age: 10m\n",
                Map.of("HERALD_HTTP_ENABLED", "true", "HERALD_HTTP_ADDRESS", "0.0.0.0", "HERALD_HTTP_PORT", "8081"));
        // THEN the environment wins, and keys without a variable come from the file
        assertThat(config.http()).isEqualTo(new HttpConfig(true, "0.0.0.0", 8081,
                java.util.Optional.of(Duration.ofMinutes(10))));
        assertThat(config.http().maxPollAge(Duration.ofMinutes(1))).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void badValuesAreAllReportedWithTheirPaths() {
        assertThatThrownBy(() -> load("http:\n  enabled: maybe\n  port: 70000\n  max-poll-age: 3\n"
                + "shutdown:\n  timeout: 1h\n", Map.of("HERALD_HTTP_ADDRESS", " ")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("http.enabled: expected true or false, got 'maybe'")
                .hasMessageContaining("http.port: '70000' is not a port")
                .hasMessageContaining("http.max-poll-age: 3 has no unit")
                .hasMessageContaining("shutdown.timeout: '1h' is out of range");
    }
}
