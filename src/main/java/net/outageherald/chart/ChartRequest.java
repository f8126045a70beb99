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
 * @param source      where the samples come from, which decides the labels and whether peer lines are drawn
 */
public record ChartRequest(String title, List<VisibilitySample> samples, Optional<OutageInterval> outage,
                           ChartWindow window, String attribution, ChartSource source) {

    public static final String RIS_ATTRIBUTION = "Data: RIPE NCC RIS";

    public ChartRequest {
        Objects.requireNonNull(title, "title");
        samples = List.copyOf(samples);
        Objects.requireNonNull(outage, "outage");
        Objects.requireNonNull(window, "window");
        attribution = attribution == null ? "" : attribution;
        Objects.requireNonNull(source, "source");
    }

    /** Samples of our own RIS watch, with the credit given. */
    public ChartRequest(String title, List<VisibilitySample> samples, Optional<OutageInterval> outage,
                        ChartWindow window, String attribution) {
        this(title, samples, outage, window, attribution, ChartSource.RIS);
    }

    /** A request whose data is credited to RIPE NCC RIS, where our own observations come from. */
    public static ChartRequest of(String title, List<VisibilitySample> samples, Optional<OutageInterval> outage,
                                  ChartWindow window) {
        return of(title, samples, outage, window, ChartSource.RIS);
    }

    /** A request for samples from {@code source}, credited as that source asks. */
    public static ChartRequest of(String title, List<VisibilitySample> samples, Optional<OutageInterval> outage,
                                  ChartWindow window, ChartSource source) {
        return new ChartRequest(title, samples, outage, window, source.attribution(), source);
    }
}
