package net.outageherald.notify.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.outageherald.model.Countries;
import net.outageherald.model.Country;
import net.outageherald.model.Event;
import net.outageherald.model.EventType;
import net.outageherald.model.Facts;
import net.outageherald.model.Message;
import net.outageherald.model.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * One rule for local times: UTC, plus the country's time; a country of several clocks names the city of the
 * zone shown. AS targets follow it as soon as their country is known.
 */
class LocalTimeTest {

    private static final Instant WINTER = Instant.parse("2014-12-22T16:15:00Z");
    private static final Instant SUMMER = Instant.parse("2015-07-01T16:15:00Z");
    private static final Countries COUNTRIES = Countries.all();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // one clock: the zone's abbreviation only
            "KP | 22 Dec 16:15 UTC (23 Dec 01:15 KST)",
            "DE | 22 Dec 16:15 UTC (22 Dec 17:15 CET)",
            // Argentina lists twelve zones, all on one clock now
            "AR | 22 Dec 16:15 UTC (22 Dec 13:15 ART)",
            // several clocks: the zone shown is named by its city
            "US | 22 Dec 16:15 UTC (22 Dec 11:15 EST, New York)",
            "RU | 22 Dec 16:15 UTC (22 Dec 19:15 MSK, Moscow)",
            "CA | 22 Dec 16:15 UTC (22 Dec 11:15 EST, Toronto)",
            "AU | 22 Dec 16:15 UTC (23 Dec 03:15 AEDT, Sydney)",
            "BR | 22 Dec 16:15 UTC (22 Dec 14:15 BRST, Sao Paulo)",
            "MX | 22 Dec 16:15 UTC (22 Dec 10:15 CST, Mexico City)",
            "ES | 22 Dec 16:15 UTC (22 Dec 17:15 CET, Madrid)",
    })
    void aCountryShowsItsTimeAndWhichClockWhenItHasSeveral(String code, String expected) {
        assertThat(HumanFormat.timeIn(WINTER, country(code))).isEqualTo(expected);
    }

    @Test
    void theZoneFollowsDaylightSavingAndAnUnknownCountryIsUtcOnly() {
        assertThat(HumanFormat.timeIn(SUMMER, country("US"))).isEqualTo("1 Jul 16:15 UTC (1 Jul 12:15 EDT, New York)");
        assertThat(HumanFormat.timeIn(WINTER, null)).isEqualTo("22 Dec 16:15 UTC");
    }

    @Test
    void countriesKnowWhetherTheyKeepSeveralClocks() {
        assertThat(List.of("US", "RU", "CA", "AU", "BR", "MX", "ID", "ES", "PT", "CL"))
                .allSatisfy(c -> assertThat(country(c).severalClocks()).as(c).isTrue());
        // Germany lists Busingen too, which keeps Berlin's time
        assertThat(List.of("KP", "DE", "AR", "FR", "JP", "GB", "IN"))
                .allSatisfy(c -> assertThat(country(c).severalClocks()).as(c).isFalse());
    }

    @Test
    void anAsWhoseCountryIsKnownGetsThatCountrysTimeInEveryOutageMessage() {
        Event started = event(EventType.OUTAGE_STARTED, "AS7018", "AS7018 ATT-INTERNET4", "US", Status.DOWN, WINTER,
                WINTER, null);
        Event restored = event(EventType.RESTORED, "AS7018", "AS7018 ATT-INTERNET4", "US", Status.UP,
                WINTER.plus(Duration.ofHours(2)), WINTER, Duration.ofHours(2));
        EventMessages messages = new EventMessages();

        assertThat(value(messages.forEvent(started), "Since")).isEqualTo("22 Dec 16:15 UTC (22 Dec 11:15 EST, New York)");
        assertThat(value(messages.forEvent(restored), "Began")).isEqualTo("22 Dec 16:15 UTC (22 Dec 11:15 EST, New York)");
        assertThat(value(messages.forEvent(restored), "Back")).isEqualTo("22 Dec 18:15 UTC (22 Dec 13:15 EST, New York)");
        assertThat(value(messages.resolvedOriginal(restored), "Ended")).endsWith("EST, New York)");
    }

    @Test
    void aCountryTargetOfOneClockAndAnAsOfUnknownCountry() {
        EventMessages messages = new EventMessages();
        Event kp = event(EventType.OUTAGE_STARTED, "KP", "North Korea (KP)", "KP", Status.DOWN, WINTER, WINTER, null);
        Event as = event(EventType.OUTAGE_STARTED, "AS64500", "AS64500", null, Status.DOWN, WINTER, WINTER, null);

        assertThat(value(messages.forEvent(kp), "Since")).isEqualTo("22 Dec 16:15 UTC (23 Dec 01:15 KST)");
        assertThat(value(messages.forEvent(as), "Since")).isEqualTo("22 Dec 16:15 UTC");
    }

    @Test
    void monitoringTimesStayInUtc() {
        Event degraded = event(EventType.MONITORING_DEGRADED, "US", "United States (US)", "US", Status.UNKNOWN, WINTER,
                null, Duration.ofMinutes(10));

        assertThat(value(new EventMessages().forEvent(degraded), "Since")).isEqualTo("22 Dec 16:15 UTC");
    }

    private static Country country(String code) {
        return COUNTRIES.byCode(code).orElseThrow();
    }

    private static String value(Message m, String field) {
        return m.fields().stream().filter(f -> f.name().equals(field)).findFirst().orElseThrow().value();
    }

    private static Event event(EventType type, String key, String name, String country, Status status, Instant at,
                               Instant outageStart, Duration duration) {
        Facts facts = new Facts(List.of("192.0.2.0/24"), 1, 256, 0, 0, 300, List.of(), null, null);
        return new Event(0, type, key, name, country, status, Status.UP, at, outageStart == null ? null : 1L,
                outageStart, duration, facts);
    }
}
