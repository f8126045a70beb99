package net.outageherald.chart;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When an outage was, for shading it on a chart.
 *
 * @param start when it began
 * @param end   when it ended; {@code null} while it goes on
 */
public record OutageInterval(Instant start, Instant end) {

    public OutageInterval {
        Objects.requireNonNull(start, "start");
        if (end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("an outage cannot end (" + end + ") before it starts (" + start + ")");
        }
    }

    public static OutageInterval ongoing(Instant start) {
        return new OutageInterval(start, null);
    }

    public Optional<Instant> endTime() {
        return Optional.ofNullable(end);
    }

    public boolean isOngoing() {
        return end == null;
    }
}
