package net.outageherald.source.ripestat;

import net.outageherald.config.Checks;
import net.outageherald.config.ConfigNode;
import net.outageherald.config.Durations;
import java.time.Duration;

/**
 * How we talk to RIPEstat: where it is, how we name ourselves, how hard we may press it, and how we
 * back off when it fails. Defaults in {@link #defaults()}.
 */
public record RipeStatConfig(
        String url,
        String sourceapp,
        int maxInFlight,
        Duration connectTimeout,
        Duration readTimeout,
        int maxAttempts,
        Duration retryBackoff,
        Duration retryBackoffMax,
        Duration lookBackLimit,
        Duration maxDataLag,
        int requestsPerMinute,
        Duration failureBackoff,
        Duration failureBackoffMax) {

    public static final String URL_ENV = "HERALD_RIPESTAT_URL";
    private static final String URL_EXAMPLE = "https://stat.ripe.net";
    // a shared public service: one instance should never hold more requests open than this
    private static final int MAX_IN_FLIGHT = 8;
    private static final int MAX_ATTEMPTS = 10;
    private static final int MAX_PER_MINUTE = 6000;
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);

    public RipeStatConfig {
        url = Checks.httpUrl(url, URL_EXAMPLE);
        sourceapp = sourceapp(Checks.present(sourceapp, "sourceapp"));
        Checks.range(maxInFlight, 1, MAX_IN_FLIGHT, "max-in-flight");
        Checks.range(connectTimeout, Duration.ofMillis(100), Duration.ofMinutes(5), "connect-timeout");
        Checks.range(readTimeout, Duration.ofSeconds(1), Duration.ofMinutes(10), "read-timeout");
        Checks.range(maxAttempts, 1, MAX_ATTEMPTS, "max-attempts");
        Checks.range(retryBackoff, Duration.ZERO, HOUR, "retry-backoff");
        Checks.range(retryBackoffMax, Duration.ZERO, HOUR, "retry-backoff-max");
        Checks.that(retryBackoffMax.compareTo(retryBackoff) >= 0, "retry-backoff-max must be at least retry-backoff");
        Checks.range(lookBackLimit, Duration.ofMinutes(1), Duration.ofDays(7), "look-back-limit");
        Checks.range(maxDataLag, Duration.ofMinutes(1), DAY, "max-data-lag");
        Checks.range(requestsPerMinute, 1, MAX_PER_MINUTE, "requests-per-minute");
        Checks.range(failureBackoff, Duration.ofSeconds(1), HOUR, "failure-backoff");
        Checks.range(failureBackoffMax, Duration.ofSeconds(1), DAY, "failure-backoff-max");
        Checks.that(failureBackoffMax.compareTo(failureBackoff) >= 0, "failure-backoff-max must be at least failure-backoff");
    }

    /** The one place the RIPEstat defaults are written down; config/herald.yaml repeats them. */
    public static RipeStatConfig defaults() {
        return new RipeStatConfig(URL_EXAMPLE, "outage-herald", 4, Duration.ofSeconds(5), Duration.ofSeconds(20),
                3, Duration.ofSeconds(1), Duration.ofSeconds(30), HOUR, Duration.ofMinutes(15), 120,
                Duration.ofSeconds(10), Duration.ofMinutes(2));
    }

    /** Binds the {@code ripestat:} section. */
    public static RipeStatConfig from(ConfigNode n) {
        RipeStatConfig d = defaults();
        String url = n.validate("url", n.env("url", URL_ENV, d.url), u -> Checks.httpUrl(u, URL_EXAMPLE), d.url);
        String sourceapp = n.validate("sourceapp", n.string("sourceapp", d.sourceapp), RipeStatConfig::sourceapp, d.sourceapp);
        int maxInFlight = n.integer("max-in-flight", d.maxInFlight, 1, MAX_IN_FLIGHT);
        Duration connectTimeout = n.duration("connect-timeout", d.connectTimeout, Duration.ofMillis(100), Duration.ofMinutes(5));
        Duration readTimeout = n.duration("read-timeout", d.readTimeout, Duration.ofSeconds(1), Duration.ofMinutes(10));
        int maxAttempts = n.integer("max-attempts", d.maxAttempts, 1, MAX_ATTEMPTS);
        Duration retryBackoff = n.duration("retry-backoff", d.retryBackoff, Duration.ZERO, HOUR);
        Duration retryBackoffMax = n.duration("retry-backoff-max", d.retryBackoffMax, Duration.ZERO, HOUR);
        Duration lookBackLimit = n.duration("look-back-limit", d.lookBackLimit, Duration.ofMinutes(1), Duration.ofDays(7));
        Duration maxDataLag = n.duration("max-data-lag", d.maxDataLag, Duration.ofMinutes(1), DAY);
        int requestsPerMinute = n.integer("requests-per-minute", d.requestsPerMinute, 1, MAX_PER_MINUTE);
        Duration failureBackoff = n.duration("failure-backoff", d.failureBackoff, Duration.ofSeconds(1), HOUR);
        Duration failureBackoffMax = n.duration("failure-backoff-max", d.failureBackoffMax, Duration.ofSeconds(1), DAY);

        n.check(retryBackoffMax.compareTo(retryBackoff) >= 0, "retry-backoff-max", "'" + Durations.format(retryBackoffMax)
                + "' is below retry-backoff (" + Durations.format(retryBackoff) + "); the cap must be at least the start");
        n.check(failureBackoffMax.compareTo(failureBackoff) >= 0, "failure-backoff-max", "'" + Durations.format(failureBackoffMax)
                + "' is below failure-backoff (" + Durations.format(failureBackoff) + "); the cap must be at least the start");
        return n.build(() -> new RipeStatConfig(url, sourceapp, maxInFlight, connectTimeout, readTimeout, maxAttempts,
                retryBackoff, retryBackoffMax, lookBackLimit, maxDataLag, requestsPerMinute, failureBackoff,
                failureBackoffMax));
    }

    /** It goes into every request's query string, so it stays a plain word. */
    private static String sourceapp(String name) {
        if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("'" + name + "' is not a usable sourceapp; use letters, digits, '.', '_' or '-'");
        }
        return name;
    }
}
