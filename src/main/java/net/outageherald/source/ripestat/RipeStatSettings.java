package net.outageherald.source.ripestat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * Settings of the RIPEstat source. Mirrors {@code config.RipeStatConfig} field for field, so wiring the real
 * configuration in is one mapping line.
 *
 * @param url               API base, {@code https://stat.ripe.net} in production
 * @param sourceapp         our identifier, sent on every call as RIPEstat asks of regular users
 * @param maxInFlight       requests in flight at most (RIPEstat is said to allow 8; we stay well below)
 * @param connectTimeout    TCP/TLS connect timeout
 * @param readTimeout       timeout between bytes of the answer
 * @param maxAttempts       attempts per call, the first included
 * @param retryBackoff      first retry delay; it doubles per attempt, with jitter
 * @param retryBackoffMax   cap of a retry delay, also of an honoured {@code Retry-After}
 * @param lookBackLimit     looking-glass {@code look_back_limit}: older routes do not count as seen
 * @param maxDataLag        looking-glass data further behind its own query time than this is stale
 * @param requestsPerMinute request budget shared by all calls
 * @param failureBackoff    how long a failed data call is left alone; doubles per consecutive failure
 * @param failureBackoffMax cap of that
 */
public record RipeStatSettings(String url, String sourceapp, int maxInFlight, Duration connectTimeout,
                               Duration readTimeout, int maxAttempts, Duration retryBackoff,
                               Duration retryBackoffMax, Duration lookBackLimit, Duration maxDataLag,
                               int requestsPerMinute, Duration failureBackoff, Duration failureBackoffMax) {

    public static final String DEFAULT_URL = "https://stat.ripe.net";

    public RipeStatSettings {
        // report every problem at once, as the config loader does, instead of the first one only
        List<String> problems = new ArrayList<>();
        if (url == null || HttpUrl.parse(url) == null) {
            problems.add("url: not an http(s) URL: " + url);
        }
        // RIPEstat's rule for sourceapp: alphanumerics, hyphens and underscores only
        if (sourceapp == null || !sourceapp.matches("[A-Za-z0-9_-]+")) {
            problems.add("sourceapp: must be letters, digits, '-' or '_': " + sourceapp);
        }
        atLeast(problems, "maxInFlight", maxInFlight, 1);
        atLeast(problems, "maxAttempts", maxAttempts, 1);
        atLeast(problems, "requestsPerMinute", requestsPerMinute, 1);
        positive(problems, "connectTimeout", connectTimeout);
        positive(problems, "readTimeout", readTimeout);
        // resilience4j rejects intervals under one millisecond
        if (positive(problems, "retryBackoff", retryBackoff) && retryBackoff.toMillis() < 1) {
            problems.add("retryBackoff: must be at least 1ms");
        }
        notBelow(problems, "retryBackoffMax", retryBackoffMax, "retryBackoff", retryBackoff);
        if (positive(problems, "lookBackLimit", lookBackLimit) && lookBackLimit.toSeconds() < 1) {
            problems.add("lookBackLimit: must be at least 1s");
        }
        positive(problems, "maxDataLag", maxDataLag);
        positive(problems, "failureBackoff", failureBackoff);
        notBelow(problems, "failureBackoffMax", failureBackoffMax, "failureBackoff", failureBackoff);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("ripestat settings: " + String.join("; ", problems));
        }
    }

    /** Production defaults: polite to RIPEstat, patient with short outages of it. */
    public static RipeStatSettings defaults() {
        return new RipeStatSettings(DEFAULT_URL, "outage-herald", 4, Duration.ofSeconds(10),
                Duration.ofSeconds(30), 3, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofHours(1),
                Duration.ofMinutes(15), 60, Duration.ofMinutes(1), Duration.ofMinutes(30));
    }

    /** Bound on one whole HTTP exchange, so a trickling answer cannot hold an in-flight slot for ever. */
    public Duration callTimeout() {
        return connectTimeout.plus(readTimeout);
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
