package net.outageherald.chart;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Made-up visibility histories shaped like North Korea's on 22 December 2014. */
final class ChartSamples {

    /** 2014-12-22T21:00Z: "now" in the samples. */
    static final Instant NOW = Instant.parse("2014-12-22T21:00:00Z");
    static final Instant OUTAGE_START = Instant.parse("2014-12-22T16:15:00Z");

    private ChartSamples() {
    }

    /**
     * One sample per {@code step} over the day before {@code NOW}: all four /24s seen by about 305 peers, then
     * from {@code OUTAGE_START} to {@code outageEnd} (or {@code NOW}) none.
     */
    static List<VisibilitySample> day(Duration step, Instant outageEnd) {
        List<VisibilitySample> out = new ArrayList<>();
        Instant end = outageEnd == null ? NOW : outageEnd;
        int i = 0;
        for (Instant t = NOW.minus(ChartWindow.DAY); t.isBefore(NOW); t = t.plus(step), i++) {
            boolean dark = !t.isBefore(OUTAGE_START) && t.isBefore(end);
            // a little wobble, as real peer counts have; deterministic so runs compare
            int peers = dark ? 0 : 300 + (i * 7) % 11;
            out.add(new VisibilitySample(t, dark ? 0.0 : (i % 331 == 0 ? 0.75 : 1.0), peers, 305));
        }
        return out;
    }
}
