package net.outageherald.chart;

import java.util.Objects;

/**
 * The outcome of drawing a chart: a PNG, or the reason there is none. A caller sends its text message either
 * way; a missing chart never holds one back.
 */
public sealed interface ChartResult permits ChartResult.Png, ChartResult.NotDrawn {

    /** A drawn chart: PNG bytes, to upload as they are (the array is the caller's; equality is by identity). */
    record Png(byte[] bytes, int width, int height) implements ChartResult {
        public Png {
            Objects.requireNonNull(bytes, "bytes");
        }
    }

    /** Why there is no chart. */
    enum Reason {
        /** Fewer than two samples in the window: a line needs two points. */
        NOT_ENOUGH_HISTORY,
        /** Drawing or encoding failed; the message says why. */
        FAILED
    }

    /** No chart, and why, in words fit for a log line or a reply ("not enough history yet to draw a chart"). */
    record NotDrawn(Reason reason, String message) implements ChartResult {
        public NotDrawn {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }
}
