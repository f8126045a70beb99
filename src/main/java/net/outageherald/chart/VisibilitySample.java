package net.outageherald.chart;

import java.time.Instant;
import java.util.Objects;

/**
 * One point of a target's visibility history, as the detector saw it.
 *
 * @param time          when it was observed
 * @param visibleShare  share of the target's address space visible in BGP, 0 to 1
 * @param peersSeeing   RIS peers that carried a route then
 * @param peersBaseline how many peers normally do (the detector's baseline); 0 when not known yet
 */
public record VisibilitySample(Instant time, double visibleShare, int peersSeeing, int peersBaseline) {

    public VisibilitySample {
        Objects.requireNonNull(time, "time");
        if (!(visibleShare >= 0 && visibleShare <= 1)) {
            throw new IllegalArgumentException("visibleShare must be between 0 and 1, was " + visibleShare);
        }
        if (peersSeeing < 0 || peersBaseline < 0) {
            throw new IllegalArgumentException("peer counts cannot be negative: " + peersSeeing + ", " + peersBaseline);
        }
    }
}
