package net.outageherald.source.rislive;

import java.time.Duration;
import net.outageherald.config.ConfigNode;

/** Reads the {@code rislive:} section of the YAML into a {@link RisLiveConfig}. */
public final class RisLiveConfigBinder {

    private RisLiveConfigBinder() {
    }

    public static RisLiveConfig from(ConfigNode n) {
        RisLiveConfig d = RisLiveConfig.defaults();
        String rawUrl = n.env("url", RisLiveConfig.URL_ENV, d.url());
        String url = n.validate("url", rawUrl, RisLiveConfigBinder::url, d.url());
        boolean enabled = n.bool("enabled", d.enabled());
        Duration ping = n.duration("ping-interval", d.pingInterval(), Duration.ZERO, Duration.ofMinutes(10));
        Duration maxLag = n.duration("max-lag", d.maxLag(), Duration.ofSeconds(1), Duration.ofHours(1));
        Duration beaconSilence = n.duration("beacon-silence", d.beaconSilence(), Duration.ofMinutes(1),
                Duration.ofDays(1));
        Duration backoff = n.duration("reconnect-backoff", d.reconnectBackoff(), Duration.ofMillis(1),
                Duration.ofMinutes(10));
        Duration backoffMax = n.duration("reconnect-backoff-max", d.reconnectBackoffMax(), Duration.ofMillis(1),
                Duration.ofHours(1));
        n.check(backoffMax.compareTo(backoff) >= 0, "reconnect-backoff-max",
                "must not be below reconnect-backoff (" + backoff + ")");
        Duration pace = n.duration("subscribe-pace", d.subscribePace(), Duration.ZERO, Duration.ofSeconds(10));
        int maxPrefixes = n.integer("max-prefix-subscriptions", d.maxPrefixSubscriptions(), 0, 1_000_000);
        return n.build(() -> new RisLiveConfig(url, enabled, ping, maxLag, beaconSilence, backoff, backoffMax, pace,
                maxPrefixes));
    }

    private static String url(String text) {
        String problem = RisLiveConfig.urlProblem(text);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return text.strip();
    }
}
