package net.outageherald.chart;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The samples as XChart series data: percent, peers and baseline per time, with a NaN point in every gap so that
 * the lines break there (XChart's way) instead of drawing a straight line across hours we know nothing about.
 */
record ChartLines(List<Date> times, List<Double> share, List<Double> peers, List<Double> baseline) {

    /** A poll missed now and then is no gap; this many spacings in a row are. */
    static final int GAP_FACTOR = 4;

    /** All three lines at every sample; {@code samples} are sorted and at least two. */
    static ChartLines of(List<VisibilitySample> samples) {
        Duration gap = typicalSpacing(samples).multipliedBy(GAP_FACTOR);
        ChartLines out = new ChartLines(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        VisibilitySample previous = null;
        for (VisibilitySample s : samples) {
            Duration since = previous == null ? Duration.ZERO : Duration.between(previous.time(), s.time());
            if (since.compareTo(gap) > 0) {
                out.times.add(Date.from(previous.time().plus(since.dividedBy(2))));
                out.share.add(Double.NaN);
                out.peers.add(Double.NaN);
                out.baseline.add(Double.NaN);
            }
            out.times.add(Date.from(s.time()));
            out.share.add(s.visibleShare() * 100);
            out.peers.add((double) s.peersSeeing());
            out.baseline.add(baseline(s));
            previous = s;
        }
        return out;
    }

    /**
     * The baseline only at the first and last sample and around each change: a dashed line drawn point to point
     * at every sample restarts its dash pattern each time, and at one sample a minute it reads as solid.
     */
    static ChartLines baselineChanges(List<VisibilitySample> samples) {
        ChartLines out = new ChartLines(new ArrayList<>(), List.of(), List.of(), new ArrayList<>());
        for (int i = 0; i < samples.size(); i++) {
            VisibilitySample s = samples.get(i);
            boolean kept = i == 0 || i == samples.size() - 1
                    || samples.get(i - 1).peersBaseline() != s.peersBaseline()
                    || samples.get(i + 1).peersBaseline() != s.peersBaseline();
            if (kept) {
                out.times.add(Date.from(s.time()));
                out.baseline.add(baseline(s));
            }
        }
        return out;
    }

    /** The median spacing of the samples: robust against the very gaps it is used to find. */
    static Duration typicalSpacing(List<VisibilitySample> samples) {
        List<Duration> spacings = new ArrayList<>();
        for (int i = 1; i < samples.size(); i++) {
            spacings.add(Duration.between(samples.get(i - 1).time(), samples.get(i).time()));
        }
        spacings.sort(null);
        Duration median = spacings.get(spacings.size() / 2);
        return median.isZero() ? Duration.ofMinutes(1) : median;
    }

    /** 0 means "not known yet": no point rather than a line at zero. */
    private static double baseline(VisibilitySample s) {
        return s.peersBaseline() > 0 ? s.peersBaseline() : Double.NaN;
    }
}
