package net.outageherald.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes the short duration form used in the config and in messages: {@code 500ms},
 * {@code 30s}, {@code 5m}, {@code 2h}, {@code 7d}, and combinations from the largest unit down such
 * as {@code 1h30m}. A bare number is refused because "30" could mean seconds or minutes.
 */
public final class Durations {

    private static final String EXAMPLES = "use e.g. 30s, 5m, 2h";
    private static final Pattern BARE_NUMBER = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|d|h|m|s)\\s*");

    /** Units from the largest down; a combined value must use them in this order, each at most once. */
    private enum Unit {
        D("d", Duration.ofDays(1)), H("h", Duration.ofHours(1)), M("m", Duration.ofMinutes(1)),
        S("s", Duration.ofSeconds(1)), MS("ms", Duration.ofMillis(1));

        final String suffix;
        final Duration length;

        Unit(String suffix, Duration length) {
            this.suffix = suffix;
            this.length = length;
        }

        static Unit of(String suffix) {
            for (Unit u : values()) {
                if (u.suffix.equals(suffix)) {
                    return u;
                }
            }
            throw new IllegalStateException("no unit " + suffix);
        }
    }

    private Durations() {
    }

    /**
     * Parses {@code text} or throws an {@link IllegalArgumentException} whose message, fit to show
     * after a config path, quotes the text and says what is accepted.
     */
    public static Duration parse(String text) {
        String s = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (BARE_NUMBER.matcher(s).matches()) {
            throw new IllegalArgumentException(noUnit(s));
        }
        Matcher m = PART.matcher(s);
        Duration total = Duration.ZERO;
        Unit previous = null;
        int at = 0;
        while (at < s.length()) {
            m.region(at, s.length());
            if (!m.lookingAt()) {
                throw notADuration(text);
            }
            Unit unit = Unit.of(m.group(2));
            if (previous != null && unit.ordinal() <= previous.ordinal()) {
                throw notADuration(text);
            }
            try {
                total = total.plus(unit.length.multipliedBy(Long.parseLong(m.group(1))));
            } catch (ArithmeticException | NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is too long for a duration");
            }
            previous = unit;
            at = m.end();
        }
        if (previous == null) {
            throw notADuration(text);
        }
        return total;
    }

    /** The hint for a number without a unit, shared with the YAML reader that sees numbers as numbers. */
    static String noUnit(String number) {
        return number + " has no unit; write e.g. " + number + "s, " + number + "m or " + number + "h";
    }

    /** Writes {@code d} in the form {@link #parse} reads, largest units first; below a millisecond is dropped. */
    public static String format(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("negative durations have no config form: " + d);
        }
        long rest = d.toMillis();
        if (rest == 0) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        for (Unit u : Unit.values()) {
            long size = u.length.toMillis();
            if (rest >= size) {
                out.append(rest / size).append(u.suffix);
                rest %= size;
            }
        }
        return out.toString();
    }

    private static IllegalArgumentException notADuration(String text) {
        return new IllegalArgumentException("'" + text + "' is not a duration; " + EXAMPLES);
    }
}
