package net.outageherald.source.ripestat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import net.outageherald.model.Prefix;
import net.outageherald.source.AnnouncedPrefix;
import net.outageherald.source.SourceUnavailableException;
import net.outageherald.source.SourceUnavailableException.Reason;
import net.outageherald.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RipeStatResolutionSourceTest {

    private final MockWebServer server = new MockWebServer();
    private final MutableClock clock = new MutableClock(TestSettings.T0);
    private RipeStatClient client;
    private RipeStatResolutionSource source;

    @BeforeEach
    void start() throws IOException {
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        client = TestSettings.client(server, clock);
        source = new RipeStatResolutionSource(client, clock);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void readsAnnouncedPrefixesOfAs3333() throws Exception {
        // GIVEN announced-prefixes of AS3333, listed unsorted: 193.0.10.0/23 with a gap, 193.0.12.0/23 gone since
        readsAnnouncedPrefixes("announced-prefixes_AS3333.json", 3333,
                seen("193.0.0.0/21", "2025-06-11T08:00:00Z"),
                seen("193.0.10.0/23", "2025-06-11T08:00:00Z"),
                seen("193.0.12.0/23", "2025-06-06T16:00:00Z"),
                seen("193.0.22.0/23", "2025-06-11T08:00:00Z"),
                seen("2001:67c:2e8::/48", "2025-06-11T08:00:00Z"));
    }

    @Test
    void readsAnnouncedPrefixesOfAs64496In2026Shape() throws Exception {
        // GIVEN a 2026 answer (with the new pipeline field, IPv4 and IPv6 prefixes) of a documentation AS
        readsAnnouncedPrefixes("announced-prefixes_AS64496_2026.json", 64496,
                seen("198.51.100.0/24", "2026-10-02T08:00:00Z"),
                seen("203.0.113.0/24", "2026-10-04T16:00:00Z"),
                seen("2001:db8:4000::/36", "2026-10-04T16:00:00Z"));
    }

    private void readsAnnouncedPrefixes(String sample, long asn, AnnouncedPrefix... expected) throws Exception {
        server.enqueue(Samples.ok(sample));

        // WHEN the AS's prefixes are resolved
        List<AnnouncedPrefix> prefixes = source.announcedPrefixes(asn);

        // THEN each prefix comes with the end of its last timeline, sorted (IPv4 first)
        assertThat(prefixes).containsExactly(expected);
        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request.getUrl().encodedPath()).isEqualTo("/data/announced-prefixes/data.json");
        assertThat(request.getUrl().queryParameter("resource")).isEqualTo("AS" + asn);
        assertThat(request.getUrl().queryParameter("sourceapp")).isEqualTo("outage-herald-test");
    }

    @Test
    void asksForTheKeepWindowFromTheClock() throws Exception {
        // GIVEN a source keeping 14 days, at T0 = 2025-06-11T16:03:00Z
        RipeStatResolutionSource fortnight = new RipeStatResolutionSource(client, clock, Duration.ofDays(14));
        server.enqueue(Samples.ok("announced-prefixes_AS3333.json"));

        // WHEN the AS's prefixes are resolved
        fortnight.announcedPrefixes(3333);

        // THEN starttime is 14 days before now, in UTC as RIPEstat writes times
        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request.getUrl().queryParameter("starttime")).isEqualTo("2025-05-28T16:03:00");
    }

    @Test
    void lastSeenIsTheLatestOfSeveralTimelines() throws Exception {
        // GIVEN a prefix announced twice in the window, the later span listed first
        server.enqueue(Samples.json("""
                {"status":"ok","status_code":200,"messages":[],"data":{"resource":"131279","prefixes":[
                 {"prefix":"175.45.176.0/24","timelines":[
                   {"starttime":"2025-06-09T08:00:00","endtime":"2025-06-11T08:00:00"},
                   {"starttime":"2025-06-05T00:00:00","endtime":"2025-06-07T16:00:00"}]}]}}"""));

        // WHEN / THEN the later end counts
        assertThat(source.announcedPrefixes(131279)).containsExactly(
                new AnnouncedPrefix(Prefix.parse("175.45.176.0/24"), Instant.parse("2025-06-11T08:00:00Z")));
    }

    @Test
    void readsTheHolderFromAsOverview() throws Exception {
        // GIVEN the as-overview of AS3333
        server.enqueue(Samples.ok("as-overview_AS3333.json"));
        String expected = "RIPE-NCC-AS - Reseaux IP Europeens Network Coordination Centre (RIPE NCC)";

        // WHEN / THEN the holder is the registry's name
        assertThat(source.asHolder(3333)).contains(expected);
        assertThat(server.takeRequest(1, TimeUnit.SECONDS).getUrl().queryParameter("resource")).isEqualTo("AS3333");
    }

    @Test
    void anAsWithoutHolderHasNoName() throws Exception {
        // GIVEN an as-overview without holder
        server.enqueue(Samples.json("""
                {"status":"ok","status_code":200,"messages":[],"data":{"type":"as","resource":"64512","holder":null}}"""));

        // WHEN / THEN
        assertThat(source.asHolder(64512)).isEmpty();
    }

    @Test
    void readsTheCountryOfAnAsFromRirStatsCountry() throws Exception {
        // GIVEN rir-stats-country listing AS64496 in the Netherlands
        server.enqueue(Samples.ok("rir-stats-country_AS64496_2026.json"));

        // WHEN / THEN the AS's country is the RIR's
        assertThat(source.asCountry(64496)).contains("NL");
        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request.getUrl().encodedPath()).isEqualTo("/data/rir-stats-country/data.json");
        assertThat(request.getUrl().queryParameter("resource")).isEqualTo("AS64496");
    }

    @Test
    void anAsTheRirsDoNotListHasNoCountry() throws Exception {
        // GIVEN an AS rir-stats-country lists nowhere, and one listed with RIPEstat's "unknown" code
        server.enqueue(Samples.ok("rir-stats-country_AS64511_unlisted_2026.json"));
        server.enqueue(Samples.json("""
                {"status":"ok","status_code":200,"messages":[],"data":{"located_resources":[{"resource":"64512",\
                "location":"ZZ"}]}}"""));

        // WHEN / THEN neither has a country
        assertThat(source.asCountry(64511)).isEmpty();
        assertThat(source.asCountry(64512)).isEmpty();
    }

    @Test
    void aRirStatsAnswerWithoutLocatedResourcesIsMalformed() {
        server.enqueue(Samples.json("""
                {"status":"ok","status_code":200,"messages":[],"data":{"result_time":"2026-10-06T00:00:00"}}"""));

        assertThatThrownBy(() -> source.asCountry(64496)).isInstanceOf(SourceUnavailableException.class)
                .extracting(e -> ((SourceUnavailableException) e).reason()).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void readsCountryAsnsOfAustria() throws Exception {
        readsCountryAsns("country-resource-list_AT.json", "at", 679L, 760L, 1205L, 1764L, 1853L, 8447L, 12605L);
    }

    @Test
    void readsCountryAsnsOfTheCentralAfricanRepublicIn2026Shape() throws Exception {
        // documentation ASNs, two of them 32-bit
        readsCountryAsns("country-resource-list_CF_2026.json", "CF", 64500L, 64511L, 65536L, 65551L);
    }

    private void readsCountryAsns(String sample, String code, Long... expected) throws Exception {
        // GIVEN a country-resource-list, its ASNs strings as RIPEstat writes them there
        server.enqueue(Samples.ok(sample));

        // WHEN the country's ASes are resolved
        List<Long> asns = source.countryAsns(code);

        // THEN they are all there as numbers, and the call asked for the upper-case code with CIDR output
        assertThat(asns).containsExactly(expected);
        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request.getUrl().encodedPath()).isEqualTo("/data/country-resource-list/data.json");
        assertThat(request.getUrl().queryParameter("resource")).isEqualTo(code.toUpperCase());
        assertThat(request.getUrl().queryParameter("v4_format")).isEqualTo("prefix");
    }

    @Test
    void countryAsnsMayBeNumbersToo() throws Exception {
        // GIVEN a list mixing strings and numbers
        server.enqueue(Samples.json("""
                {"status":"ok","status_code":200,"messages":[],
                 "data":{"resources":{"asn":["131279",4837,"AS20485"],"ipv4":[],"ipv6":[]}}}"""));

        // WHEN / THEN all three are read
        assertThat(source.countryAsns("KP")).containsExactly(131279L, 4837L, 20485L);
    }

    @Test
    void aMissingListIsMalformedNotEmpty() {
        // GIVEN an answer without resources.asn
        server.enqueue(Samples.json("""
                {"status":"ok","status_code":200,"messages":[],"data":{"resources":{}}}"""));

        // WHEN / THEN no country is taken to have no ASes because the answer changed shape
        assertThatThrownBy(() -> source.countryAsns("KP"))
                .isInstanceOfSatisfying(SourceUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
    }

    @Test
    void aPrefixTargetCoversItsAnnouncedMoreSpecifics() throws Exception {
        // GIVEN routing-status of a /22 that is not announced itself but as four /24s
        server.enqueue(Samples.json("{\"status\":\"ok\",\"status_code\":200,\"messages\":[],\"data\":{"
                + "\"origins\":[],\"more_specifics\":[{\"prefix\":\"175.45.176.0/24\",\"origin\":131279},"
                + "{\"prefix\":\"175.45.177.0/24\",\"origin\":\"131279\"}],\"less_specifics\":[],"
                + "\"resource\":\"175.45.176.0/22\",\"query_time\":\"2014-12-22T16:00:00\"}}"));
        // WHEN it is resolved
        List<Prefix> covered = source.coveredPrefixes(Prefix.parse("175.45.176.0/22"));
        // THEN the more-specifics are watched, not the unannounced /22
        assertThat(covered).containsExactly(Prefix.parse("175.45.176.0/24"), Prefix.parse("175.45.177.0/24"));
        assertThat(server.takeRequest(1, TimeUnit.SECONDS).getUrl().encodedPath())
                .isEqualTo("/data/routing-status/data.json");
    }

    @Test
    void aPrefixTargetFallsBackToItselfWhenTheCallIsRefused() throws Exception {
        server.enqueue(new mockwebserver3.MockResponse.Builder().code(404).body("no").build());
        assertThat(source.coveredPrefixes(Prefix.parse("192.0.2.0/24"))).containsExactly(Prefix.parse("192.0.2.0/24"));
    }

    private static AnnouncedPrefix seen(String prefix, String lastSeen) {
        return new AnnouncedPrefix(Prefix.parse(prefix), Instant.parse(lastSeen));
    }
}
