package net.outageherald.source.ioda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IodaConfigBinderTest {

    private static SectionBinding.Bound<IodaConfig> bind(String yaml, Map<String, String> env) {
        return SectionBinding.bind(yaml, "ioda", env, IodaConfigBinder::from);
    }

    @Test
    void anAbsentSectionGivesTheDefaults() {
        SectionBinding.Bound<IodaConfig> bound = bind("", Map.of());

        assertThat(bound.problems()).isEmpty();
        assertThat(bound.value()).isEqualTo(IodaConfig.defaults());
        assertThat(bound.value().enabled()).isTrue();
        assertThat(bound.value().url()).isEqualTo("https://api.ioda.inetintel.cc.gatech.edu/v2");
        assertThat(bound.value().pollInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(bound.value().requestTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(bound.value().maxDataLag()).isEqualTo(Duration.ofMinutes(30));
        assertThat(bound.value().failureBackoff()).isEqualTo(Duration.ofMinutes(1));
        assertThat(bound.value().failureBackoffMax()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void readsEveryKey() {
        SectionBinding.Bound<IodaConfig> bound = bind("""
                ioda:
                  enabled: false
                  url: http://127.0.0.1:8089/v2/
                  request-timeout: 5s
                  poll-interval: 10m
                  max-data-lag: 1h
                  failure-backoff: 30s
                  failure-backoff-max: 2h
                """, Map.of());

        assertThat(bound.problems()).isEmpty();
        // the trailing slash is dropped, as for every other URL in the config
        assertThat(bound.value()).isEqualTo(new IodaConfig(false, "http://127.0.0.1:8089/v2", Duration.ofSeconds(5),
                Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofSeconds(30), Duration.ofHours(2)));
    }

    @Test
    void theEnvironmentGivesTheUrl() {
        SectionBinding.Bound<IodaConfig> bound = bind("ioda:\n  url: https://example.org/v2\n",
                Map.of("HERALD_IODA_URL", "http://127.0.0.1:9000/v2"));

        assertThat(bound.value().url()).isEqualTo("http://127.0.0.1:9000/v2");
    }

    @Test
    void reportsEveryProblemAtOnceWithItsPath() {
        SectionBinding.Bound<IodaConfig> bound = bind("""
                ioda:
                  url: ftp://example.org
                  poll-interval: 10s
                  failure-backoff: 10m
                  failure-backoff-max: 5m
                  pol-interval: 5m
                """, Map.of());

        assertThat(bound.problems()).anySatisfy(p -> assertThat(p).startsWith("ioda.url:").contains("http(s)"))
                .anySatisfy(p -> assertThat(p).startsWith("ioda.poll-interval:"))
                .anySatisfy(p -> assertThat(p).startsWith("ioda.failure-backoff-max:"))
                .anySatisfy(p -> assertThat(p).startsWith("ioda.pol-interval: unknown key"));
    }

    @Test
    void aRecordBuiltInCodeKeepsTheSamePromises() {
        assertThatThrownBy(() -> new IodaConfig(true, "not a url", Duration.ZERO, Duration.ofMinutes(5),
                Duration.ofMinutes(30), Duration.ofMinutes(2), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("url:").hasMessageContaining("request-timeout:")
                .hasMessageContaining("failure-backoff-max:");
    }
}
