package net.outageherald.source.ioda;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How we use IODA (Georgia Tech's Internet Outage Detection and Analysis): whether at all, where it is, how
 * long one request may take, how often a watched entity is polled, when its data counts as stale, and how a
 * failing IODA is left alone. Defaults in {@link #defaults()}; {@link IodaConfigBinder} reads the YAML.
 *
 * @param enabled           whether IODA is asked at all
 * @param url               API base without a trailing slash; {@code /signals/raw/...} is appended
 * @param requestTimeout    bound on one whole HTTP exchange (connect, send, read)
 * @param pollInterval      how often a watched entity's signals are fetched; IODA's bins are 5 to 10 minutes
 * @param maxDataLag        a signal whose newest value is older than this is stale: its entity is unknown
 * @param failureBackoff    how long a failing IODA is left alone; doubles per consecutive failure
 * @param failureBackoffMax cap of that
 */
public record IodaConfig(boolean enabled, String url, Duration requestTimeout, Duration pollInterval,
                         Duration maxDataLag, Duration failureBackoff, Duration failureBackoffMax) {

    public static final String URL_ENV = "HERALD_IODA_URL";
    public static final String DEFAULT_URL = "https://api.ioda.inetintel.cc.gatech.edu/v2";

    static final Duration MIN_TIMEOUT = Duration.ofMillis(100);
    static final Duration MAX_TIMEOUT = Duration.ofMinutes(5);
    // below IODA's finest bin (5 min) a poll mostly fetches the same values again; 1m still lets a test run fast
    static final Duration MIN_POLL = Duration.ofMinutes(1);
    static final Duration MAX_POLL = Duration.ofHours(6);
    // two 10-minute ping bins behind is normal; much less would call IODA's own delay stale
    static final Duration MIN_LAG = Duration.ofMinutes(10);
    static final Duration MAX_LAG = Duration.ofDays(1);
    static final Duration MIN_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofDays(1);

    public IodaConfig {
        // report every problem at once, as the config loader does
        List<String> problems = new ArrayList<>();
        try {
            url = httpUrl(url);
        } catch (IllegalArgumentException e) {
            problems.add("url: " + e.getMessage());
        }
        range(problems, "request-timeout", requestTimeout, MIN_TIMEOUT, MAX_TIMEOUT);
        range(problems, "poll-interval", pollInterval, MIN_POLL, MAX_POLL);
        range(problems, "max-data-lag", maxDataLag, MIN_LAG, MAX_LAG);
        range(problems, "failure-backoff", failureBackoff, MIN_BACKOFF, MAX_BACKOFF);
        if (range(problems, "failure-backoff-max", failureBackoffMax, MIN_BACKOFF, MAX_BACKOFF)
                && failureBackoff != null && failureBackoffMax.compareTo(failureBackoff) < 0) {
            problems.add("failure-backoff-max: must be at least failure-backoff (" + failureBackoff + ")");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** The one place the IODA defaults are written down. */
    public static IodaConfig defaults() {
        return new IodaConfig(true, DEFAULT_URL, Duration.ofSeconds(20), Duration.ofMinutes(5),
                Duration.ofMinutes(30), Duration.ofMinutes(1), Duration.ofMinutes(30));
    }

    /** An absolute http(s) URL without query or fragment, trailing slashes removed. */
    static String httpUrl(String url) {
        Objects.requireNonNull(url, "url is required");
        String trimmed = url.strip().replaceAll("/+$", "");
        String problem = "'" + url + "' is not an http(s) URL; use e.g. " + DEFAULT_URL;
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException(problem);
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(problem, e);
        }
        return trimmed;
    }

    private static boolean range(List<String> problems, String key, Duration value, Duration min, Duration max) {
        if (value == null) {
            problems.add(key + ": is required");
            return false;
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            problems.add(key + ": must be between " + min + " and " + max + ", was " + value);
            return false;
        }
        return true;
    }
}
