package net.outageherald.source.ripestat;

import net.outageherald.config.Checks;
import net.outageherald.config.ConfigNode;
import net.outageherald.config.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.outageherald.model.Prefix;
import okhttp3.HttpUrl;

/**
 * How we talk to RIPEstat: where it is, how we name ourselves, how hard we may press it, how we
 * back off when it fails, and the canary prefix that tells a blank answer from a dark network (null: none).
 * Defaults in {@link #defaults()}.
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
        Duration failureBackoffMax,
        Duration reconcileInterval,
        Prefix canary) {

    public static final String URL_ENV = "HERALD_RIPESTAT_URL";
    public static final String DEFAULT_URL = "https://stat.ripe.net";
    /** RIPE NCC's own block: always visible to nearly every RIS peer, so a looking glass that misses it is blank. */
    public static final Prefix DEFAULT_CANARY = Prefix.parse("193.0.0.0/21");
    /** The {@code canary} value that turns the canary off. */
    public static final String NO_CANARY = "none";
    // RIPEstat's rule for sourceapp: letters, digits, hyphens and underscores
    private static final Pattern SOURCEAPP = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final String SOURCEAPP_RULE = "use 1 to 64 letters, digits, '-' or '_'";
    private static final String URL_EXAMPLE = DEFAULT_URL;
    // a shared public service: one instance should never hold more requests open than this
    private static final int MAX_IN_FLIGHT = 8;
    private static final int MAX_ATTEMPTS = 10;
    private static final int MAX_PER_MINUTE = 6000;
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);

    /**
     * What must hold however the record was made; the binder adds the ranges an operator may choose from.
     * Every problem is reported at once, as the config loader does.
     */
    public RipeStatConfig {
        List<String> problems = new ArrayList<>();
        if (url == null || HttpUrl.parse(url) == null) {
            problems.add("url: not an http(s) URL: " + url);
        }
        if (sourceapp == null || !SOURCEAPP.matcher(sourceapp).matches()) {
            problems.add("sourceapp: " + SOURCEAPP_RULE + ": " + sourceapp);
        }
        atLeast(problems, "max-in-flight", maxInFlight, 1);
        atLeast(problems, "max-attempts", maxAttempts, 1);
        atLeast(problems, "requests-per-minute", requestsPerMinute, 1);
        positive(problems, "connect-timeout", connectTimeout);
        positive(problems, "read-timeout", readTimeout);
        // resilience4j rejects intervals under one millisecond
        if (positive(problems, "retry-backoff", retryBackoff) && retryBackoff.toMillis() < 1) {
            problems.add("retry-backoff: must be at least 1ms");
        }
        notBelow(problems, "retry-backoff-max", retryBackoffMax, "retry-backoff", retryBackoff);
        if (positive(problems, "look-back-limit", lookBackLimit) && lookBackLimit.toSeconds() < 1) {
            problems.add("look-back-limit: must be at least 1s");
        }
        positive(problems, "max-data-lag", maxDataLag);
        positive(problems, "failure-backoff", failureBackoff);
        notBelow(problems, "failure-backoff-max", failureBackoffMax, "failure-backoff", failureBackoff);
        positive(problems, "reconcile-interval", reconcileInterval);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("ripestat: " + String.join("; ", problems));
        }
    }

    /** The one place the RIPEstat defaults are written down; config/herald.yaml repeats them. */
    public static RipeStatConfig defaults() {
        return new RipeStatConfig(URL_EXAMPLE, "outage-herald", 4, Duration.ofSeconds(5), Duration.ofSeconds(20),
                3, Duration.ofSeconds(1), Duration.ofSeconds(30), HOUR, Duration.ofMinutes(15), 60,
                Duration.ofSeconds(10), Duration.ofMinutes(2), Duration.ofMinutes(30), DEFAULT_CANARY);
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
        Duration reconcileInterval = n.duration("reconcile-interval", d.reconcileInterval, Duration.ofMinutes(1), DAY);
        Prefix canary = n.validate("canary", n.string("canary", d.canary.cidr()), RipeStatConfig::canary, d.canary);

        n.check(retryBackoffMax.compareTo(retryBackoff) >= 0, "retry-backoff-max", "'" + Durations.format(retryBackoffMax)
                + "' is below retry-backoff (" + Durations.format(retryBackoff) + "); the cap must be at least the start");
        n.check(failureBackoffMax.compareTo(failureBackoff) >= 0, "failure-backoff-max", "'" + Durations.format(failureBackoffMax)
                + "' is below failure-backoff (" + Durations.format(failureBackoff) + "); the cap must be at least the start");
        return n.build(() -> new RipeStatConfig(url, sourceapp, maxInFlight, connectTimeout, readTimeout, maxAttempts,
                retryBackoff, retryBackoffMax, lookBackLimit, maxDataLag, requestsPerMinute, failureBackoff,
                failureBackoffMax, reconcileInterval, canary));
    }

    /** A prefix, or {@code none} (null: no canary). */
    private static Prefix canary(String text) {
        String t = text == null ? "" : text.trim();
        if (t.equalsIgnoreCase(NO_CANARY)) {
            return null;
        }
        try {
            return Prefix.parse(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + t + "' is not a prefix; use one that is always visible, such as "
                    + DEFAULT_CANARY.cidr() + ", or " + NO_CANARY + " to go without (not recommended)");
        }
    }

    /** Bound on one whole HTTP exchange, so a trickling answer cannot hold an in-flight slot for ever. */
    public Duration callTimeout() {
        return connectTimeout.plus(readTimeout);
    }

    /** It goes into every request's query string, so it stays a plain word: the one rule for it. */
    private static String sourceapp(String name) {
        if (!SOURCEAPP.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a usable sourceapp; " + SOURCEAPP_RULE);
        }
        return name;
    }

    private static void atLeast(List<String> problems, String name, int value, int min) {
        if (value < min) {
            problems.add(name + ": must be at least " + min + ", was " + value);
        }
    }

    private static boolean positive(List<String> problems, String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            problems.add(name + ": must be a positive duration, was " + value);
            return false;
        }
        return true;
    }

    private static void notBelow(List<String> problems, String name, Duration value, String lowerName,
                                 Duration lower) {
        if (positive(problems, name, value) && lower != null && value.compareTo(lower) < 0) {
            problems.add(name + ": must not be below " + lowerName + " (" + lower + "), was " + value);
        }
    }
}
