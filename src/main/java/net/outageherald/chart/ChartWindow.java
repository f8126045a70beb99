package net.outageherald.chart;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The stretch of time a chart shows, as a half-open interval {@code [from, until)}.
 *
 * @param from  left edge
 * @param until right edge ("now" for a live chart)
 */
public record ChartWindow(Instant from, Instant until) {

    /** The default view: the day up to now. */
    public static final Duration DAY = Duration.ofDays(1);

    public ChartWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        if (!from.isBefore(until)) {
            throw new IllegalArgumentException("a chart window must run forwards: " + from + " .. " + until);
        }
    }

    public static ChartWindow lastDay(Instant now) {
        return new ChartWindow(now.minus(DAY), now);
    }

    /**
     * The outage with {@code margin} of normal time on either side, so that the drop and the return both show;
     * an ongoing outage runs to {@code now}, and the window never reaches past {@code now}.
     */
    public static ChartWindow around(OutageInterval outage, Duration margin, Instant now) {
        Instant end = outage.endTime().orElse(now);
        Instant until = end.plus(margin).isAfter(now) ? now : end.plus(margin);
        Instant from = outage.start().minus(margin);
        // an outage that began "now" still gets its margin of history to the left
        return new ChartWindow(from, until.isAfter(from) ? until : from.plus(margin));
    }

    public boolean contains(Instant t) {
        return !t.isBefore(from) && t.isBefore(until);
    }

    public Duration length() {
        return Duration.between(from, until);
    }
}
