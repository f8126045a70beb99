package net.outageherald.source.ioda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import net.outageherald.source.SourceUnavailableException;
import net.outageherald.source.SourceUnavailableException.Reason;
import org.junit.jupiter.api.Test;

class IodaResponseReaderTest {

    private static final String ENDPOINT = "IODA test";
    private final IodaResponseReader reader = new IodaResponseReader();

    private List<IodaSignal> signals(String sample) throws SourceUnavailableException {
        return reader.signals(ENDPOINT, reader.envelope(ENDPOINT, Samples.bytes(sample), IodaResponseReader.SIGNALS));
    }

    private List<IodaAlert> alerts(String sample) throws SourceUnavailableException {
        return reader.alerts(ENDPOINT, reader.envelope(ENDPOINT, Samples.bytes(sample), IodaResponseReader.ALERTS));
    }

    @Test
    void readsASeriesWithItsNullsAndIgnoresUnknownFieldsAndRegions() throws Exception {
        // GIVEN KP's bgp signal with metadata, perf, an unknown field, a null bin and a region series beside it
        List<IodaSignal> signals = signals("signals_country_KP_bgp");

        // THEN only the country series is read, its null kept as "no data" rather than 0
        assertThat(signals).hasSize(1);
        IodaSignal kp = signals.get(0);
        assertThat(kp.entity()).isEqualTo(new IodaEntity(IodaEntity.Type.COUNTRY, "KP"));
        assertThat(kp.entityType()).isEqualTo(IodaEntity.Type.COUNTRY);
        assertThat(kp.entityCode()).isEqualTo("KP");
        assertThat(kp.entityName()).isEqualTo("North Korea");
        assertThat(kp.datasource()).isEqualTo(IodaDatasource.BGP);
        assertThat(kp.from()).isEqualTo(Samples.T0);
        assertThat(kp.step()).isEqualTo(Duration.ofMinutes(5));
        assertThat(kp.values()).containsExactly(4.0, 4.0, 4.0, null, 4.0, 3.0, 0.0, 0.0, 0.0);
        assertThat(kp.points()).hasSize(8);
        assertThat(kp.until()).isEqualTo(Instant.ofEpochSecond(1419266700L));
        assertThat(kp.latest()).contains(new IodaSignal.Point(Samples.T0.plus(Duration.ofMinutes(40)), 0.0));
    }

    @Test
    void readsOneArrayPerEntityWhenSeveralCodesAreAsked() throws Exception {
        List<IodaSignal> signals = signals("signals_country_KP-CU_bgp");

        assertThat(signals).extracting(s -> s.entity().code()).containsExactly("KP", "CU");
        assertThat(signals.get(1).values()).containsExactly(512.0, 512.0, 511.0);
    }

    @Test
    void readsAnAsSeriesWhoseStepIsWrittenAsAFloat() throws Exception {
        IodaSignal as = signals("signals_asn_131279_ping-slash24").get(0);

        assertThat(as.entity()).isEqualTo(IodaEntity.asn(131279));
        assertThat(as.datasource()).isEqualTo(IodaDatasource.PING_SLASH24);
        assertThat(as.step()).isEqualTo(Duration.ofMinutes(10));
        assertThat(as.values()).containsExactly(2.5, 2.6666666666666665, 0.0, null);
        // the trailing null bin is "no data yet", so the newest value is the 0 before it
        assertThat(as.latest().orElseThrow().time()).isEqualTo(Samples.T0.plus(Duration.ofMinutes(20)));
    }

    @Test
    void readsAlertsAndSkipsUnknownLevelsAndEntityTypes() throws Exception {
        List<IodaAlert> alerts = alerts("alerts_country_KP");

        assertThat(alerts).extracting(IodaAlert::level)
                .containsExactly(IodaAlert.Level.CRITICAL, IodaAlert.Level.WARNING, IodaAlert.Level.NORMAL);
        IodaAlert critical = alerts.get(0);
        assertThat(critical.datasource()).isEqualTo("bgp");
        assertThat(critical.knownDatasource()).contains(IodaDatasource.BGP);
        assertThat(critical.entity()).isEqualTo(new IodaEntity(IodaEntity.Type.COUNTRY, "KP"));
        assertThat(critical.entityName()).isEqualTo("North Korea");
        assertThat(critical.time()).isEqualTo(Instant.ofEpochSecond(1419264900L));
        assertThat(critical.condition()).isEqualTo("< 0.8");
        assertThat(critical.value()).isEqualTo(OptionalDouble.of(0));
        assertThat(critical.historyValue()).isEqualTo(OptionalDouble.of(4));
        assertThat(critical.method()).isEqualTo("median");
        // a null value is "not given", not zero
        assertThat(alerts.get(1).value()).isEmpty();
        assertThat(alerts.get(1).historyValue()).isEmpty();
    }

    @Test
    void anErrorEnvelopeIsUnavailableWithIodasOwnWords() {
        assertThatThrownBy(() -> signals("error_in_200"))
                .isInstanceOfSatisfying(SourceUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.ERROR_ENVELOPE))
                .hasMessageContaining("Backend unavailable: the time series database did not answer");
    }

    @Test
    void aValueThatIsNotANumberIsMalformed() {
        assertThatThrownBy(() -> signals("signals_bad_value"))
                .isInstanceOfSatisfying(SourceUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED))
                .hasMessageContaining("country/KP bgp").hasMessageContaining("\"four\"");
    }

    @Test
    void theCopyrightIsKeptForTheCreditLine() throws Exception {
        IodaResponseReader.Envelope envelope = reader.envelope(ENDPOINT, Samples.bytes("alerts_country_KP"),
                IodaResponseReader.ALERTS);

        assertThat(envelope.copyright()).hasValueSatisfying(c -> assertThat(c).contains("Georgia Tech"));
    }

    @Test
    void everyBrokenShapeIsMalformedNeverAnEmptySignal() {
        // each of these would be a silent "no data" if read leniently; all must be "unknown" with a reason
        for (String body : Arrays.asList(
                "",                                                     // empty body
                "<html>502 Bad Gateway</html>",                         // a proxy's error page
                "[]",                                                   // not an object
                "{\"type\":\"signals\",\"error\":null}",                // no data
                "{\"type\":\"signals\",\"error\":null,\"data\":{}}",   // data not an array
                "{\"type\":\"signals\",\"error\":null,\"data\":[]} x",  // trailing garbage
                "{\"type\":\"outages.events\",\"error\":null,\"data\":[]}", // another call's answer
                "{\"type\":\"signals\",\"error\":null,\"data\":[[{\"entityType\":\"country\",\"entityCode\":\"KP\","
                        + "\"datasource\":\"bgp\",\"from\":1419264000,\"values\":[4]}]]}", // no step
                "{\"type\":\"signals\",\"error\":null,\"data\":[[{\"entityType\":\"country\",\"entityCode\":\"K/P\","
                        + "\"datasource\":\"bgp\",\"from\":1419264000,\"step\":300,\"values\":[4]}]]}")) { // bad code
            assertThatThrownBy(() -> reader.signals(ENDPOINT, reader.envelope(ENDPOINT,
                    body.getBytes(StandardCharsets.UTF_8), IodaResponseReader.SIGNALS)))
                    .as(body)
                    .isInstanceOfSatisfying(SourceUnavailableException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
        }
    }

    @Test
    void anEmptyDataArrayIsNoSeriesNotAnError() throws Exception {
        // IODA answers so for an entity it has no signal for; the judge turns that into UNKNOWN
        byte[] body = "{\"type\":\"signals\",\"error\":null,\"data\":[[]]}".getBytes(StandardCharsets.UTF_8);

        assertThat(reader.signals(ENDPOINT, reader.envelope(ENDPOINT, body, IodaResponseReader.SIGNALS))).isEmpty();
    }

    @Test
    void theErrorTextOfA400IsFoundWhenThereIsOne() {
        assertThat(reader.errorText(Samples.bytes("error_bad_parameter")))
                .contains("Invalid parameter: from must be a unix timestamp");
        assertThat(reader.errorText("Bad Request".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }
}
