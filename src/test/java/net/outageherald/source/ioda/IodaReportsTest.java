package net.outageherald.source.ioda;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.outageherald.model.DataPlaneReport;
import net.outageherald.testing.MutableClock;
import org.junit.jupiter.api.Test;

/** The report a message quotes, on our own batched sample: lines against the usual level, and the recovery. */
class IodaReportsTest {

    private static final IodaEntity US = new IodaEntity(IodaEntity.Type.COUNTRY, "US");
    private static final IodaEntity KP = new IodaEntity(IodaEntity.Type.COUNTRY, "KP");
    /** The bin in which probing fell: 17:20 UTC. */
    private static final Instant DROP = Samples.T0.plus(Duration.ofMinutes(80));

    private final MutableClock clock = new MutableClock(Samples.T0.plus(Duration.ofMinutes(135)));
    private final IodaReports reports = new IodaReports(clock, Duration.ofMinutes(30), () -> "Data: IODA, Georgia Tech");
    private final IodaResponseReader reader = new IodaResponseReader();

    private List<IodaSignal> sample() throws Exception {
        return reader.signals("test", reader.envelope("test", Samples.bytes("signals_country_US-KP_ping-slash24"),
                IodaResponseReader.SIGNALS));
    }

    @Test
    void duringTheOutageProbingIsQuotedAgainstTheLevelBeforeIt() throws Exception {
        // GIVEN the sample up to the third low bin, read at the end of that bin
        IodaSignal us = sample().get(0);
        IodaSignal sofar = new IodaSignal(us.entity(), us.entityName(), us.datasource(), us.from(), us.step(),
                us.values().subList(0, 11));
        clock.set(sofar.until().plusSeconds(60));

        DataPlaneReport r = reports.report(US, List.of(sofar), DROP).orElseThrow();

        assertThat(r.lines()).containsExactly("IODA active probing: 12 % of usual up /24s");
        assertThat(r.link()).isEqualTo("https://ioda.inetintel.cc.gatech.edu/country/US");
        assertThat(r.recovery().backAt()).isNull();
        assertThat(r.recovery().now()).isEqualTo("IODA active probing: 12 % of usual up /24s");
    }

    @Test
    void afterItTheRecoveryIsDatedToTheFirstUsualBin() throws Exception {
        DataPlaneReport r = reports.report(US, sample(), DROP).orElseThrow();

        assertThat(r.lines()).containsExactly("IODA active probing: 99.8 % of usual up /24s");
        assertThat(r.recovery().backAt()).isEqualTo(Samples.T0.plus(Duration.ofMinutes(110)));
        assertThat(r.recovery().neverDropped()).isFalse();
    }

    @Test
    void aSignalThatStayedUsualSaysTheOutageWasInTheRoutingOnly() throws Exception {
        // an outage that began after probing was back
        DataPlaneReport r = reports.report(US, sample(), Samples.T0.plus(Duration.ofMinutes(115))).orElseThrow();

        assertThat(r.recovery().neverDropped()).isTrue();
        assertThat(r.recovery().backAt()).isNull();
    }

    @Test
    void anOutageOlderThanTheSeriesIsNotMeasuredAgainstItself() {
        // GIVEN an outage that began 30 h ago, and 25 h of probing all at its low level: no bin before the outage
        Instant now = Samples.T0.plus(Duration.ofDays(3));
        clock.set(now);
        int bins = 150;
        Instant from = now.minus(Duration.ofMinutes(10L * bins));
        IodaSignal low = new IodaSignal(US, "United States", IodaDatasource.PING_SLASH24, from,
                Duration.ofMinutes(10), java.util.Collections.nCopies(bins, 60.0));

        DataPlaneReport r = reports.report(US, List.of(low), now.minus(Duration.ofHours(30))).orElseThrow();

        // THEN neither "100 % of usual" nor "did not drop during the outage": the usual level is not known
        assertThat(r.lines()).isEmpty();
        assertThat(r.recovery()).isNull();
    }

    @Test
    void anEntityWhoseNewestBinIsOldHasNoReport() throws Exception {
        // KP's last value is from 16:10: long past max-data-lag
        assertThat(reports.report(KP, sample(), DROP)).isEmpty();
        // and nothing at all once the US's data is stale too
        clock.advance(Duration.ofMinutes(40));
        assertThat(reports.report(US, sample(), DROP)).isEmpty();
    }
}
