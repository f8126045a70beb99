package net.outageherald.notify;

import net.outageherald.detect.PendingChange;

/**
 * Draws the chart of an outage or restoration while it is being confirmed, so that its message need not wait
 * for the drawing ({@link EventCharts#prepare}). Returns at once and never throws.
 */
@FunctionalInterface
public interface ChartPreparer {

    /** Nothing prepared: charts are off, or drawn at delivery only. */
    ChartPreparer NONE = change -> { };

    void prepare(PendingChange change);
}
