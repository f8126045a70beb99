package net.outageherald.source.rislive;

import java.time.Duration;

/** Short words for log lines and state reasons: durations as {@code 4h30m}, frames cut to a readable length. */
final class Text {

    private static final int EXCERPT = 200;

    private Text() {
    }

    /** {@code 250ms}, {@code 4s}, {@code 2m5s}, {@code 4h30m}; null as {@code ?}. */
    static String duration(Duration d) {
        if (d == null) {
            return "?";
        }
        if (d.isNegative()) {
            return "-" + duration(d.negated());
        }
        if (d.compareTo(Duration.ofSeconds(1)) < 0) {
            return d.toMillis() + "ms";
        }
        StringBuilder sb = new StringBuilder();
        long days = d.toDays();
        append(sb, days, "d");
        append(sb, d.toHoursPart(), "h");
        append(sb, d.toMinutesPart(), "m");
        if (days == 0 && d.toHours() == 0) {
            append(sb, d.toSecondsPart(), "s");
        }
        return sb.length() == 0 ? "0s" : sb.toString();
    }

    static String excerpt(String frame) {
        String oneLine = frame == null ? "" : frame.replace('\n', ' ').replace('\r', ' ');
        return oneLine.length() <= EXCERPT ? oneLine : oneLine.substring(0, EXCERPT) + "…";
    }

    /** An exception as "SocketTimeoutException: timeout", without the stack. */
    static String describe(Throwable t) {
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    private static void append(StringBuilder sb, long value, String unit) {
        if (value > 0) {
            sb.append(value).append(unit);
        }
    }
}
