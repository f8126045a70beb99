package net.outageherald.source.ripestat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RipeStatSettingsTest {

    @Test
    void defaultsPointAtRipeStatAndArePolite() {
        // GIVEN / WHEN the defaults
        RipeStatSettings defaults = RipeStatSettings.defaults();

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
        assertThatThrownBy(() -> new RipeStatSettings("not a url", "has spaces", 0, Duration.ofSeconds(1),
                Duration.ofSeconds(1), 1, Duration.ofMillis(1), Duration.ofSeconds(1), Duration.ofHours(1),
                Duration.ofMinutes(15), 60, Duration.ofMinutes(1), Duration.ofMinutes(30)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("url:")
                .hasMessageContaining("sourceapp:")
                .hasMessageContaining("maxInFlight:");
    }

    @Test
    void rejectsABackoffCapBelowTheBackoff() {
        // GIVEN / WHEN / THEN a failure backoff cap below the failure backoff is refused
        assertThatThrownBy(() -> new RipeStatSettings("https://stat.ripe.net", "outage-herald", 4,
                Duration.ofSeconds(1), Duration.ofSeconds(1), 3, Duration.ofMillis(1), Duration.ofSeconds(1),
                Duration.ofHours(1), Duration.ofMinutes(15), 60, Duration.ofMinutes(10), Duration.ofMinutes(1)))
                .hasMessageContaining("failureBackoffMax");
    }
}
