package net.outageherald.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartLinesTest {

    private static final Instant T = Instant.parse("2014-12-22T12:00:00Z");

    private static VisibilitySample at(int minute, double share, int baseline) {
        return new VisibilitySample(T.plus(Duration.ofMinutes(minute)), share, 300, baseline);
    }

    @Test
    void aRunOfMissedPollsBreaksTheLine() {
        // one-minute samples, then nothing for ten minutes: more than four spacings
        List<VisibilitySample> samples = List.of(at(0, 1, 305), at(1, 1, 305), at(2, 1, 305), at(12, 0, 305), at(13, 0, 305));

        ChartLines lines = ChartLines.of(samples);

        assertThat(lines.share()).containsExactly(100.0, 100.0, 100.0, Double.NaN, 0.0, 0.0);
        assertThat(lines.times().get(3).toInstant()).isEqualTo(T.plus(Duration.ofMinutes(7)));
    }

    @Test
    void aSingleMissedPollDoesNot() {
        List<VisibilitySample> samples = List.of(at(0, 1, 305), at(1, 1, 305), at(3, 1, 305), at(4, 1, 305));

        assertThat(ChartLines.of(samples).share()).doesNotContain(Double.NaN);
    }

    @Test
    void theBaselineKeepsOnlyItsEndsAndChangesAndAnUnknownOneIsNoLineAtZero() {
        List<VisibilitySample> samples = List.of(at(0, 1, 0), at(1, 1, 0), at(2, 1, 305), at(3, 1, 305), at(4, 1, 305),
                at(5, 1, 305), at(6, 1, 310));

        ChartLines steps = ChartLines.baselineChanges(samples);

        assertThat(steps.times()).extracting(d -> d.toInstant())
                .containsExactly(T, T.plus(Duration.ofMinutes(1)), T.plus(Duration.ofMinutes(2)),
                        T.plus(Duration.ofMinutes(5)), T.plus(Duration.ofMinutes(6)));
        assertThat(steps.baseline()).containsExactly(Double.NaN, Double.NaN, 305.0, 305.0, 310.0);
    }
}
