package net.outageherald.source.ripestat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RipeStatJsonTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void readsTimestampsWithAndWithoutZoneAsUtc() {
        // GIVEN the shapes RIPEstat uses: no zone (UTC implied), with fraction, +00:00 and Z
        // WHEN / THEN they all mean the same UTC instant
        Instant expected = Instant.parse("2025-06-11T16:08:51Z");
        assertThat(RipeStatJson.time("2025-06-11T16:08:51")).isEqualTo(expected);
        assertThat(RipeStatJson.time("2025-06-11T16:08:51+00:00")).isEqualTo(expected);
        assertThat(RipeStatJson.time("2025-06-11T16:08:51Z")).isEqualTo(expected);
        assertThat(RipeStatJson.time("2025-06-11T16:08:51.989470"))
                .isEqualTo(Instant.parse("2025-06-11T16:08:51.989470Z"));
        assertThat(RipeStatJson.time("2025-06-11T18:08:51+02:00")).isEqualTo(expected);
    }

    @Test
    void refusesWhatIsNotATimestamp() {
        // GIVEN / WHEN / THEN
        assertThatThrownBy(() -> RipeStatJson.time("yesterday")).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void readsAsnsAsStringsOrNumbers() throws Exception {
        // GIVEN an ASN as RIPEstat writes it in various calls
        // WHEN / THEN strings, numbers and "AS"-prefixed strings all work; sets and junk do not
        assertThat(RipeStatJson.asn(mapper.readTree("\"3333\""))).isEqualTo(OptionalLong.of(3333));
        assertThat(RipeStatJson.asn(mapper.readTree("3333"))).isEqualTo(OptionalLong.of(3333));
        assertThat(RipeStatJson.asn(mapper.readTree("\"AS131279\""))).isEqualTo(OptionalLong.of(131279));
        assertThat(RipeStatJson.asn(mapper.readTree("4294967295"))).isEqualTo(OptionalLong.of(4294967295L));
        assertThat(RipeStatJson.asn(mapper.readTree("\"{1,2}\""))).isEmpty();
        assertThat(RipeStatJson.asn(mapper.readTree("4294967296"))).isEmpty();
        assertThat(RipeStatJson.asn(mapper.readTree("null"))).isEmpty();
        assertThat(RipeStatJson.asn(mapper.readTree("-1"))).isEmpty();
    }

    @Test
    void formatsTimesTheWayRipeStatWritesThem() {
        // GIVEN / WHEN / THEN UTC without zone, to the second
        assertThat(RipeStatJson.formatTime(Instant.parse("2025-06-04T16:03:00.123Z")))
                .isEqualTo("2025-06-04T16:03:00");
    }
}
