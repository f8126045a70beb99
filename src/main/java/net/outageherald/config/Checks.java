package net.outageherald.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The checks that section records run in their constructors, so a record built in code holds the same
 * promises as one bound from YAML. Messages name the YAML key; the binders normally catch the same
 * mistakes first with the full path.
 */
public final class Checks {

    private Checks() {
    }

    public static <T> T present(T value, String key) {
        return Objects.requireNonNull(value, key + " is required");
    }

    public static int range(int value, int min, int max, String key) {
        try {
            return (int) Scalars.inRange(value, min, max);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
    }

    public static double range(double value, double min, double max, String key) {
        try {
            return Scalars.inRange(value, min, max);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
    }

    public static Duration range(Duration value, Duration min, Duration max, String key) {
        try {
            return Scalars.inRange(present(value, key), min, max);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
    }

    public static void that(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** An absolute http(s) URL without query or fragment, with trailing slashes removed. */
    public static String httpUrl(String url, String example) {
        String trimmed = present(url, "url").strip().replaceAll("/+$", "");
        String problem = "'" + url + "' is not an http(s) URL; use e.g. " + example;
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!Set.of("http", "https").contains(scheme) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException(problem);
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(problem, e);
        }
        return trimmed;
    }

    /** {@code value} in {@code allowed}, compared ignoring case and given back as spelled there. */
    public static String oneOf(String value, List<String> allowed, String what) {
        String s = present(value, what).strip();
        return allowed.stream().filter(a -> a.equalsIgnoreCase(s)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("'" + value + "' is not a " + what + "; use one of "
                        + String.join(", ", allowed)));
    }
}
