package net.outageherald.source.rislive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import net.outageherald.config.ConfigException;
import net.outageherald.config.ConfigNode;
import net.outageherald.testing.SectionBinder;
import org.junit.jupiter.api.Test;

class RisLiveConfigTest {

    @Test
    void defaultsAreThePublicServiceAndBgpAlertersGuardRails() {
        RisLiveConfig d = RisLiveConfig.defaults();

        assertThat(d.url()).isEqualTo("wss://ris-live.ripe.net/v1/ws/?client=outage-herald");
        assertThat(d.enabled()).isTrue();
        assertThat(d.pingInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(d.maxLag()).isEqualTo(Duration.ofMinutes(2));
        assertThat(d.beaconSilence()).isEqualTo(Duration.ofMinutes(270));
        assertThat(d.reconnectBackoff()).isEqualTo(Duration.ofSeconds(1));
        assertThat(d.reconnectBackoffMax()).isEqualTo(Duration.ofMinutes(2));
        assertThat(d.subscribePace()).isEqualTo(Duration.ofMillis(200));
        assertThat(d.maxPrefixSubscriptions()).isEqualTo(10_000);
    }

    @Test
    void anEmptySectionGivesTheDefaults() {
        assertThat(bind("rislive: {}", Map.of())).isEqualTo(RisLiveConfig.defaults());
    }

    @Test
    void everyKeyIsRead() {
        RisLiveConfig c = bind("""
                rislive:
                  url: ws://127.0.0.1:7800/v1/ws/
                  enabled: false
                  ping-interval: 10s
                  max-lag: 5m
                  beacon-silence: 3h
                  reconnect-backoff: 500ms
                  reconnect-backoff-max: 1m
                  subscribe-pace: 0s
                  max-prefix-subscriptions: 50
                """, Map.of());

        assertThat(c).isEqualTo(new RisLiveConfig("ws://127.0.0.1:7800/v1/ws/", false, Duration.ofSeconds(10),
                Duration.ofMinutes(5), Duration.ofHours(3), Duration.ofMillis(500), Duration.ofMinutes(1), Duration.ZERO,
                50));
    }

    @Test
    void theEnvironmentWinsForTheUrl() {
        RisLiveConfig c = bind("rislive:\n  url: wss://example.org/v1/ws/\n",
                Map.of("HERALD_RISLIVE_URL", "ws://127.0.0.1:7800/v1/ws/"));

        assertThat(c.url()).isEqualTo("ws://127.0.0.1:7800/v1/ws/");
    }

    @Test
    void onlyWebsocketUrlsAreAccepted() {
        assertThat(problems("rislive:\n  url: https://ris-live.ripe.net/v1/ws/\n", Map.of())).singleElement()
                .asString().startsWith("rislive.url: ").contains("must start with ws:// or wss://");
        assertThat(problems("rislive: {}", Map.of("HERALD_RISLIVE_URL", "ftp://x")))
                .singleElement().asString().contains("(from HERALD_RISLIVE_URL)");
        assertThatThrownBy(() -> RisLiveConfig.defaults().withUrl("ws:///nohost"))
                .hasMessageContaining("rislive.url").hasMessageContaining("no host");
    }

    @Test
    void badValuesAreAllReportedAtTheirKeys() {
        assertThat(problems("""
                rislive:
                  max-lag: 0s
                  reconnect-backoff: 2m
                  reconnect-backoff-max: 1m
                  max-prefix-subscriptions: -1
                  subscribe-pace: 30
                """, Map.of())).hasSize(4).anySatisfy(p -> assertThat(p).startsWith("rislive.max-lag"))
                .anySatisfy(p -> assertThat(p).startsWith("rislive.reconnect-backoff-max"))
                .anySatisfy(p -> assertThat(p).startsWith("rislive.max-prefix-subscriptions"))
                .anySatisfy(p -> assertThat(p).startsWith("rislive.subscribe-pace"));
    }

    @Test
    void theRecordRefusesWhatTheBinderWouldRefuse() {
        RisLiveConfig d = RisLiveConfig.defaults();
        assertThatThrownBy(() -> new RisLiveConfig(d.url(), true, d.pingInterval(), Duration.ZERO, d.beaconSilence(),
                Duration.ofSeconds(5), Duration.ofSeconds(1), d.subscribePace(), -3))
                .hasMessageContaining("rislive.max-lag").hasMessageContaining("rislive.reconnect-backoff-max")
                .hasMessageContaining("rislive.max-prefix-subscriptions");
    }

    @Test
    void aClientIdIsAddedWhenTheUrlNamesNone() {
        assertThat(RisLiveConfig.defaults().withUrl("wss://ris-live.ripe.net/v1/ws/").requestUrl().toString())
                .isEqualTo("https://ris-live.ripe.net/v1/ws/?client=outage-herald");
        assertThat(RisLiveConfig.defaults().withUrl("WS://127.0.0.1:7800/v1/ws/?client=bench").requestUrl()
                .queryParameter("client")).isEqualTo("bench");
        assertThat(RisLiveConfig.defaults().requestUrl().queryParameter("client")).isEqualTo("outage-herald");
    }

    private static RisLiveConfig bind(String yaml, Map<String, String> env) {
        return Binding.bind(yaml, env, root -> RisLiveConfigBinder.from(root.section("rislive")));
    }

    private static java.util.List<String> problems(String yaml, Map<String, String> env) {
        try {
            bind(yaml, env);
        } catch (ConfigException e) {
            return e.problems();
        }
        throw new AssertionError("binding should have failed");
    }

    /** Binds a YAML document with one binder, exactly as the loader binds the whole file. */
    static final class Binding {
        static <T> T bind(String yaml, Map<String, String> env, Function<ConfigNode, T> binder) {
            return net.outageherald.config.ConfigLoader.bind(SectionBinder.document(yaml), env, Path.of(""), binder);
        }
    }
}
