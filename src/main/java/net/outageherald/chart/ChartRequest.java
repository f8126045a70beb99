package net.outageherald.chart;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to draw: a target's visibility samples over a window, with its outage shaded when there is one.
 *
 * @param title       the target's name as people know it ("North Korea (KP)", "AS131279 Star JV")
 * @param samples     observations, in any order; those outside the window are left out
 * @param outage      the outage to shade, if any
 * @param window      the time shown
 * @param attribution credit for the data, written small in a corner ("Data: RIPE NCC RIS")
 */
public record ChartRequest(String title, List<VisibilitySample> samples, Optional<OutageInterval> outage,
                           ChartWindow window, String attribution) {

    public static final String RIS_ATTRIBUTION = "Data: RIPE NCC RIS";

    public ChartRequest {
        Objects.requireNonNull(title, "title");
        samples = List.copyOf(samples);
        Objects.requireNonNull(outage, "outage");
        Objects.requireNonNull(window, "window");
        attribution = attribution == null ? "" : attribution;
    }

    /** A request whose data is credited to RIPE NCC RIS, where our own observations come from. */
    public static ChartRequest of(String title, List<VisibilitySample> samples, Optional<OutageInterval> outage,
                                  ChartWindow window) {
        return new ChartRequest(title, samples, outage, window, RIS_ATTRIBUTION);
    }
}
