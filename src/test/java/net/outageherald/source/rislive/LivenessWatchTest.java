package net.outageherald.source.rislive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import net.outageherald.source.rislive.LivenessWatch.Verdict.Kind;
import org.junit.jupiter.api.Test;

class LivenessWatchTest {

    private static final Instant T0 = Instant.parse("2024-06-01T12:00:00Z");
    private static final Duration MAX_LAG = Duration.ofMinutes(2);
    private static final Duration SILENCE = Duration.ofMinutes(270);

    private final LivenessWatch watch = new LivenessWatch();

    @Test
    void lagIsTakenOnArrivalSoAQuietStreamIsNotLate() {
        watch.connected(T0);
        watch.message(T0.minusSeconds(1), T0);

        assertThat(watch.check(T0.plus(Duration.ofMinutes(30)), false, MAX_LAG, SILENCE).kind()).isEqualTo(Kind.STAY);
    }

    @Test
    void lateArrivalMakesItLaggingAndATimelyOneLiveAgain() {
        watch.connected(T0);
        watch.message(T0.minus(Duration.ofMinutes(3)), T0);
        LivenessWatch.Verdict late = watch.check(T0, false, MAX_LAG, SILENCE);
        assertThat(late.kind()).isEqualTo(Kind.LAGGING);
        assertThat(late.why()).isEqualTo("messages arrive 3m after the collectors saw them (max-lag 2m)");
        assertThat(watch.check(T0, true, MAX_LAG, SILENCE).kind()).as("already LAGGING").isEqualTo(Kind.STAY);

        watch.message(T0.minusSeconds(2), T0);
        assertThat(watch.check(T0, true, MAX_LAG, SILENCE).kind()).isEqualTo(Kind.LIVE);
    }

    @Test
    void beaconSilenceCountsFromTheLastBeaconOrTheConnectionWhicheverIsLater() {
        watch.beacon(T0);
        watch.connected(T0.plus(Duration.ofHours(1)));

        assertThat(watch.check(T0.plus(Duration.ofHours(5)), false, MAX_LAG, SILENCE).kind()).isEqualTo(Kind.STAY);
        LivenessWatch.Verdict silent = watch.check(T0.plus(Duration.ofHours(6)), false, MAX_LAG, SILENCE);
        assertThat(silent.kind()).isEqualTo(Kind.RECONNECT);
        assertThat(silent.why()).isEqualTo("no message about the RIS beacons for 5h (beacon-silence 4h30m)");

        watch.beacon(T0.plus(Duration.ofHours(5)));
        assertThat(watch.check(T0.plus(Duration.ofHours(6)), false, MAX_LAG, SILENCE).kind()).isEqualTo(Kind.STAY);
    }

    @Test
    void aNewConnectionForgetsTheOldLag() {
        watch.message(T0.minus(Duration.ofMinutes(10)), T0);
        watch.connected(T0);

        assertThat(watch.check(T0, false, MAX_LAG, SILENCE).kind()).isEqualTo(Kind.STAY);
        assertThat(watch.lastTimestamp()).as("the last message is still known").isEqualTo(T0.minus(Duration.ofMinutes(10)));
    }
}
