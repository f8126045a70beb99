package net.outageherald.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * Turns one YAML value into a Java value or an {@link IllegalArgumentException} whose message says
 * what was found and what is wanted; the caller puts the path in front. Quoted numbers and booleans
 * are accepted, since quoting is an innocent habit in YAML.
 */
public final class Scalars {

    private Scalars() {
    }

    static boolean absent(JsonNode v) {
        return v == null || v.isNull() || v.isMissingNode();
    }

    static String kind(JsonNode v) {
        if (absent(v)) {
            return "nothing";
        }
        if (v.isArray()) {
            return "a list";
        }
        if (v.isObject()) {
            return "a section of key: value pairs";
        }
        if (v.isNumber()) {
            return "a number";
        }
        return v.isBoolean() ? "true/false" : "text";
    }

    /** Any single value as text; YAML reads {@code 123} and {@code yes} as number and boolean. */
    static String text(JsonNode v) {
        if (absent(v) || !v.isValueNode()) {
            throw new IllegalArgumentException("expected text, got " + kind(v));
        }
        return v.asText();
    }

    static long whole(JsonNode v) {
        if (v.isIntegralNumber()) {
            if (!v.canConvertToLong()) {
                throw new IllegalArgumentException(v.asText() + " is too large");
            }
            return v.longValue();
        }
        if (v.isNumber()) {
            throw new IllegalArgumentException(v.asText() + " is not a whole number");
        }
        if (v.isTextual() && v.asText().strip().matches("-?\\d{1,18}")) {
            return Long.parseLong(v.asText().strip());
        }
        throw new IllegalArgumentException("expected a whole number, got " + shown(v));
    }

    static double number(JsonNode v) {
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isTextual()) {
            try {
                double d = Double.parseDouble(v.asText().strip());
                if (Double.isFinite(d)) {
                    return d;
                }
            } catch (NumberFormatException e) {
                // falls through to the message below
            }
        }
        throw new IllegalArgumentException("expected a number, got " + shown(v));
    }

    static boolean bool(JsonNode v) {
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isTextual() && (v.asText().equalsIgnoreCase("true") || v.asText().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(v.asText());
        }
        throw new IllegalArgumentException("expected true or false, got " + shown(v));
    }

    static Duration duration(JsonNode v) {
        if (v.isNumber()) {
            throw new IllegalArgumentException(Durations.noUnit(v.asText()));
        }
        if (v.isTextual()) {
            return Durations.parse(v.asText());
        }
        throw new IllegalArgumentException("expected a duration such as 30s, 5m or 2h, got " + kind(v));
    }

    static long inRange(long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(value + " is out of range; " + range(String.valueOf(min), String.valueOf(max), max == Integer.MAX_VALUE));
        }
        return value;
    }

    static double inRange(double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(plain(value) + " is out of range; " + range(plain(min), plain(max), false));
        }
        return value;
    }

    static Duration inRange(Duration value, Duration min, Duration max) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException("'" + Durations.format(value) + "' is out of range; "
                    + range(Durations.format(min), Durations.format(max), false));
        }
        return value;
    }

    /** 0.25 rather than 2.5E-1, 1 rather than 1.0. */
    public static String plain(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    private static String range(String min, String max, boolean unbounded) {
        return unbounded ? "use " + min + " or more" : "use " + min + " to " + max;
    }

    private static String shown(JsonNode v) {
        return v.isTextual() ? "'" + v.asText() + "'" : kind(v);
    }
}
