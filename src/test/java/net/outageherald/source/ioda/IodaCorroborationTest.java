package net.outageherald.source.ioda;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class IodaCorroborationTest {

    private static final IodaEntity KP = IodaCountryJudgeTest.KP;
    private static final Instant START = Instant.parse("2014-12-21T16:00:00Z");

    private static IodaSignal series(IodaDatasource datasource, Duration step, Double... values) {
        return new IodaSignal(KP, "North Korea", datasource, START, step, Arrays.asList(values));
    }

    /** {@code bins} bins of {@code usual}, then {@code latest}. */
    private static IodaSignal steady(IodaDatasource datasource, int bins, double usual, double latest) {
        List<Double> values = new ArrayList<>(Collections.nCopies(bins, usual));
        values.add(latest);
        return new IodaSignal(KP, "North Korea", datasource, START, datasource.nativeStep(), values);
    }

    static Stream<Arguments> lines() {
        return Stream.of(
                // the brief's example: active probing at 12 % of its usual 50 up /24s
                Arguments.of(steady(IodaDatasource.PING_SLASH24, 144, 50, 6), "IODA active probing: 12 % of usual up /24s"),
                // BGP all gone
                Arguments.of(steady(IodaDatasource.BGP, 288, 4, 0), "IODA BGP: 0 % of usual visible /24s"),
                // BGP as usual
                Arguments.of(steady(IodaDatasource.BGP, 288, 4, 4), "IODA BGP: 100 % of usual visible /24s"),
                // 98.6 % must not read as 99 %: it is below IODA's warning line
                Arguments.of(steady(IodaDatasource.BGP, 288, 1000, 986), "IODA BGP: 98.6 % of usual visible /24s"),
                // 99.96 % must not read as 100 %
                Arguments.of(steady(IodaDatasource.BGP, 288, 10000, 9996), "IODA BGP: 99.9 % of usual visible /24s"),
                // more than usual
                Arguments.of(steady(IodaDatasource.MERIT_NT, 288, 20, 30), "IODA telescope: 150 % of usual unique source IPs"),
                // a single value has no history: say the value, not a share
                Arguments.of(steady(IodaDatasource.BGP, 0, 0, 4), "IODA BGP: 4 visible /24s (no usual level yet)"),
                // usually zero: no share either
                Arguments.of(steady(IodaDatasource.PING_SLASH24, 10, 0, 2.5), "IODA active probing: 2.5 up /24s (no usual level yet)"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("lines")
    void describesTheNewestValueAsAShareOfTheDailyMedian(IodaSignal signal, String expected) {
        assertThat(IodaCorroboration.reading(signal).orElseThrow().describe()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "median of {0} is {1}")
    @CsvSource(delimiter = ';', value = {
            // odd count: the middle value
            "4 4 0; 4",
            // even count: the mean of the two middle values
            "1 2 3 4; 2.5",
            // one spike does not move it
            "4 4 4 400; 4",
            // order does not matter
            "3 1 2; 2"})
    void theUsualLevelIsTheMedian(String values, double expected) {
        List<Double> list = Arrays.stream(values.split(" ")).map(Double::valueOf).toList();
        assertThat(IodaCorroboration.median(list)).isEqualTo(expected);
    }

    @Test
    void onlyTheDayBeforeTheNewestValueIsHistory() {
        // GIVEN two days of 5-minute bins: the first day at 100, the second at 4, then the newest at 4
        List<Double> values = new ArrayList<>(Collections.nCopies(288, 100.0));
        values.addAll(Collections.nCopies(288, 4.0));
        values.add(4.0);
        IodaSignal signal = new IodaSignal(KP, "", IodaDatasource.BGP, START, Duration.ofMinutes(5), values);

        IodaCorroboration.Reading reading = IodaCorroboration.reading(signal).orElseThrow();

        // THEN the first day does not count: usual is 4, over 288 bins, and the share is 100 %
        assertThat(reading.usual()).isEqualTo(4.0);
        assertThat(reading.historyBins()).isEqualTo(288);
        assertThat(reading.share()).hasValue(1.0);
    }

    @Test
    void nullBinsAreLeftOutOfTheMedianAndTheNewestValue() {
        IodaSignal signal = series(IodaDatasource.BGP, Duration.ofMinutes(5), 4.0, null, 4.0, null, 0.0, 2.0, null);

        IodaCorroboration.Reading reading = IodaCorroboration.reading(signal).orElseThrow();

        assertThat(reading.latest()).isEqualTo(2.0);
        assertThat(reading.time()).isEqualTo(START.plus(Duration.ofMinutes(25)));
        assertThat(reading.historyBins()).isEqualTo(3);
        assertThat(reading.usual()).isEqualTo(4.0);
    }

    @Test
    void aSeriesWithoutValuesHasNoReading() {
        assertThat(IodaCorroboration.reading(series(IodaDatasource.BGP, Duration.ofMinutes(5), null, null))).isEmpty();
    }

    @Test
    void givesOneLinePerSignalInAFixedOrderAndTheNewestSeriesWins() {
        IodaSignal olderBgp = steady(IodaDatasource.BGP, 12, 4, 4);
        IodaSignal newerBgp = new IodaSignal(KP, "", IodaDatasource.BGP, START.plus(Duration.ofHours(1)),
                Duration.ofMinutes(5), new ArrayList<>(List.of(4.0, 4.0, 4.0, 4.0, 0.0)));
        IodaSignal ping = steady(IodaDatasource.PING_SLASH24, 6, 50, 6);
        IodaSignal otherCountry = new IodaSignal(new IodaEntity(IodaEntity.Type.COUNTRY, "CU"), "", IodaDatasource.BGP,
                START, Duration.ofMinutes(5), List.of(1.0, 1.0));

        List<String> lines = IodaCorroboration.describe(KP, List.of(ping, olderBgp, newerBgp, otherCountry));

        assertThat(lines).containsExactly("IODA BGP: 0 % of usual visible /24s",
                "IODA active probing: 12 % of usual up /24s");
    }
}
