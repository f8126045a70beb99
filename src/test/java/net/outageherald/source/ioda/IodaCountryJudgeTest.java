package net.outageherald.source.ioda;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import net.outageherald.model.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IodaCountryJudgeTest {

    static final IodaEntity KP = new IodaEntity(IodaEntity.Type.COUNTRY, "KP");
    static final Instant NOW = Instant.parse("2014-12-22T16:30:00Z");
    static final Duration STEP = Duration.ofMinutes(5);

    private final IodaCountryJudge judge = new IodaCountryJudge(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(30));

    /**
     * A {@code bgp} series of KP: {@code historyBins} bins at {@code usual}, then one bin at {@code latest}
     * (null for none) whose end is {@code lag} before now.
     */
    static IodaSignal bgp(double usual, Double latest, int historyBins, Duration lag) {
        List<Double> values = new ArrayList<>(Collections.nCopies(historyBins, usual));
        values.add(latest);
        Instant end = NOW.minus(lag);
        return new IodaSignal(KP, "North Korea", IodaDatasource.BGP, end.minus(STEP.multipliedBy(values.size())), STEP,
                values);
    }

    static Stream<Arguments> cases() {
        Duration fresh = Duration.ZERO;
        return Stream.of(
                // four /24s as always: up
                Arguments.of("as usual", bgp(4, 4.0, 288, fresh), Status.UP),
                // more than usual is not an outage
                Arguments.of("above usual", bgp(4, 5.0, 288, fresh), Status.UP),
                // exactly 99 %: IODA warns only below it
                Arguments.of("at the warning line", bgp(100, 99.0, 288, fresh), Status.UP),
                // one /24 in a hundred lost: IODA's warning, our partial outage
                Arguments.of("just below 99 %", bgp(100, 98.9, 288, fresh), Status.PARTIAL),
                // three of four /24s left (75 %): partial
                Arguments.of("one of four /24s gone", bgp(4, 3.0, 288, fresh), Status.PARTIAL),
                // exactly half: still partial, critical is below 50 %
                Arguments.of("at the critical line", bgp(4, 2.0, 288, fresh), Status.PARTIAL),
                // one of four left: critical, down
                Arguments.of("below half", bgp(4, 1.0, 288, fresh), Status.DOWN),
                // all four withdrawn: 22 December 2014
                Arguments.of("all gone", bgp(4, 0.0, 288, fresh), Status.DOWN),
                // the newest bin ended 25 min ago: still fresh within 30 min
                Arguments.of("a little behind", bgp(4, 0.0, 288, Duration.ofMinutes(25)), Status.DOWN),
                // 35 min behind: stale, so unknown, however dark it looked then
                Arguments.of("stale", bgp(4, 0.0, 288, Duration.ofMinutes(35)), Status.UNKNOWN),
                // a trailing null bin is no data: the value before it is judged (ends 5 min ago)
                Arguments.of("trailing null", bgp(4, null, 288, fresh), Status.UP),
                // only 30 min of history: no usual level yet
                Arguments.of("too little history", bgp(4, 0.0, 6, fresh), Status.UNKNOWN),
                // an hour of history is enough
                Arguments.of("an hour of history", bgp(4, 0.0, 12, fresh), Status.DOWN),
                // usually nothing visible: nothing to compare with
                Arguments.of("usually zero", bgp(0, 0.0, 288, fresh), Status.UNKNOWN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void judgesTheNewestBgpValueAgainstItsDailyMedian(String name, IodaSignal signal, Status expected) {
        assertThat(judge.judge(KP, List.of(signal)).status()).isEqualTo(expected);
    }

    @Test
    void noBgpSeriesIsUnknownWithAReason() {
        IodaSignal ping = new IodaSignal(KP, "", IodaDatasource.PING_SLASH24, NOW.minus(Duration.ofHours(2)),
                Duration.ofMinutes(10), Collections.nCopies(12, 3.0));

        IodaCountryJudge.Verdict verdict = judge.judge(KP, List.of(ping));

        assertThat(verdict.status()).isEqualTo(Status.UNKNOWN);
        assertThat(verdict.reason()).contains("no BGP values for country/KP");
    }

    @Test
    void aSeriesOfOnlyNullsIsUnknown() {
        List<Double> nulls = new ArrayList<>(Collections.nCopies(12, (Double) null));
        IodaSignal empty = new IodaSignal(KP, "", IodaDatasource.BGP, NOW.minus(Duration.ofHours(1)), STEP, nulls);

        assertThat(judge.judge(KP, List.of(empty)).status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void anotherCountrysSeriesDoesNotCount() {
        IodaEntity cu = new IodaEntity(IodaEntity.Type.COUNTRY, "CU");
        IodaSignal cuba = new IodaSignal(cu, "Cuba", IodaDatasource.BGP, NOW.minus(Duration.ofHours(24)), STEP,
                Collections.nCopies(288, 512.0));

        assertThat(judge.judge(KP, List.of(cuba)).status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void theVerdictSaysWhatItRestsOn() {
        IodaCountryJudge.Verdict verdict = judge.judge(KP, List.of(bgp(4, 0.0, 288, Duration.ZERO)));

        assertThat(verdict.reason()).isEqualTo("IODA BGP: 0 % of usual visible /24s (critical: below 50 %)");
        assertThat(verdict.reading()).hasValueSatisfying(r -> {
            assertThat(r.usual()).isEqualTo(4.0);
            assertThat(r.latest()).isEqualTo(0.0);
        });
    }

    @Test
    void theStaleVerdictSaysHowOld() {
        IodaCountryJudge.Verdict verdict = judge.judge(KP, List.of(bgp(4, 4.0, 288, Duration.ofMinutes(45))));

        assertThat(verdict.reason()).contains("45 min ago").contains("stale after 30 min");
    }
}
