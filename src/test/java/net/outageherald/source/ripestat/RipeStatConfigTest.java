package net.outageherald.source.ripestat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import net.outageherald.config.ConfigException;
import net.outageherald.config.ConfigLoader;
import org.junit.jupiter.api.Test;

class RipeStatConfigTest {

    @Test
    void defaultsPointAtRipeStatAndArePolite() {
        // GIVEN / WHEN the defaults
        RipeStatConfig defaults = RipeStatConfig.defaults();

        // THEN they name the public API, stay at four requests in flight and use the documented limits
        assertThat(defaults.url()).isEqualTo("https://stat.ripe.net");
        assertThat(defaults.maxInFlight()).isEqualTo(4);
        assertThat(defaults.lookBackLimit()).isEqualTo(Duration.ofHours(1));
        assertThat(defaults.maxDataLag()).isEqualTo(Duration.ofMinutes(15));
        assertThat(defaults.callTimeout()).isEqualTo(defaults.connectTimeout().plus(defaults.readTimeout()));
    }

    @Test
    void reportsEveryProblemAtOnce() {
        // GIVEN settings with three mistakes
        // WHEN they are built
        // THEN one exception names all three
        assertThatThrownBy(() -> new RipeStatConfig("not a url", "has spaces", 0, Duration.ofSeconds(1),
                Duration.ofSeconds(1), 1, Duration.ofMillis(1), Duration.ofSeconds(1), Duration.ofHours(1),
                Duration.ofMinutes(15), 60, Duration.ofMinutes(1), Duration.ofMinutes(30), Duration.ofMinutes(30),
                RipeStatConfig.DEFAULT_CANARY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("url:")
                .hasMessageContaining("sourceapp:")
                .hasMessageContaining("max-in-flight:");
    }

    @Test
    void rejectsABackoffCapBelowTheBackoff() {
        // GIVEN / WHEN / THEN a failure backoff cap below the failure backoff is refused
        assertThatThrownBy(() -> new RipeStatConfig("https://stat.ripe.net", "outage-herald", 4,
                Duration.ofSeconds(1), Duration.ofSeconds(1), 3, Duration.ofMillis(1), Duration.ofSeconds(1),
                Duration.ofHours(1), Duration.ofMinutes(15), 60, Duration.ofMinutes(10), Duration.ofMinutes(1),
                Duration.ofMinutes(30), null))
                .hasMessageContaining("failure-backoff-max");
    }

    @Test
    void aSourceappWithADotIsRefusedWhenTheConfigIsLoadedNotAtStartUp() {
        // GIVEN a config whose sourceapp has a dot, which RIPEstat's rule does not allow
        // WHEN it is bound
        // THEN the config error names the key and the rule (it used to pass here and fail later with exit 4)
        assertThatThrownBy(() -> ConfigLoader.bind(
                new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"ripestat\": {\"sourceapp\": \"my.app\"}}"),
                java.util.Map.of(), java.nio.file.Path.of(""), root -> RipeStatConfig.from(root.section("ripestat"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ripestat.sourceapp")
                .hasMessageContaining("letters, digits, '-' or '_'");
    }

    @Test
    void theCanaryIsRipeNccsBlockByDefaultAnyPrefixOrNone() throws Exception {
        java.util.function.Function<String, RipeStatConfig> bind = yaml -> ConfigLoader.bind(
                readTree("{\"ripestat\": {" + yaml + "}}"), java.util.Map.of(), java.nio.file.Path.of(""),
                root -> RipeStatConfig.from(root.section("ripestat")));
        assertThat(bind.apply("").canary()).isEqualTo(net.outageherald.model.Prefix.parse("193.0.0.0/21"));
        assertThat(bind.apply("\"canary\": \"2001:67c:2e8::/48\"").canary())
                .isEqualTo(net.outageherald.model.Prefix.parse("2001:67c:2e8::/48"));
        assertThat(bind.apply("\"canary\": \"none\"").canary()).isNull();
        assertThatThrownBy(() -> bind.apply("\"canary\": \"ripe\""))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ripestat.canary: 'ripe' is not a prefix; use one that is always visible,"
                        + " such as 193.0.0.0/21, or none to go without (not recommended)");
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
