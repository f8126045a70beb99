package net.outageherald.source.ripestat;

import net.outageherald.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import net.outageherald.model.Prefix;
import net.outageherald.source.PrefixObservation;
import net.outageherald.source.SourceUnavailableException;
import net.outageherald.source.SourceUnavailableException.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RipeStatRoutingSourceTest {

    private static final String FIXTURE = "looking-glass_140.78.0.0-16.json";
    private static final Prefix JKU = Prefix.parse("140.78.0.0/16");

    private final ObjectMapper mapper = new ObjectMapper();
    private final MockWebServer server = new MockWebServer();
    private final MutableClock clock = new MutableClock(TestSettings.T0);
    private RipeStatRoutingSource source;

    @BeforeEach
    void start() throws IOException {
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        source = new RipeStatRoutingSource(TestSettings.client(server, clock));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void readsALookingGlassAnswer() throws Exception {
        // GIVEN our sample for 140.78.0.0/16: eleven routes at four collectors, peer 192.0.2.10 at two of them
        server.enqueue(Samples.ok(FIXTURE));

        // WHEN the prefix is observed
        PrefixObservation observation = source.observe(JKU);

        // THEN every peer and collector is there, Uni Linz (AS1205) is the origin, ACOnet (AS1853) its upstream
        assertThat(observation.prefix()).isEqualTo(JKU);
        assertThat(observation.peers()).containsExactlyInAnyOrder(
                "RRC00 192.0.2.10", "RRC00 192.0.2.27", "RRC00 192.0.2.41",
                "RRC01 198.51.100.5", "RRC01 198.51.100.18",
                "RRC05 203.0.113.3", "RRC05 203.0.113.9", "RRC05 203.0.113.14",
                "RRC12 192.0.2.10", "RRC12 192.0.2.130", "RRC12 198.51.100.77");
        assertThat(observation.peersSeeing()).isEqualTo(11);
        assertThat(observation.rrcs()).isEqualTo(4);
        assertThat(observation.origins()).containsExactly(1205L);
        // only ACOnet: the prepends (1853 1853 in one path, 1205 1205 in another) must not add the origin
        assertThat(observation.upstreams()).containsExactly(1853L);
        assertThat(observation.at()).isEqualTo(Instant.parse("2025-06-11T16:01:05Z"));
    }

    @Test
    void asksForExactlyThePrefixWithAShortLookBack() throws Exception {
        // GIVEN any answer
        server.enqueue(Samples.ok(FIXTURE));

        // WHEN the prefix is observed
        source.observe(JKU);

        // THEN looking-glass was asked for that prefix, with a one-hour look-back, and our sourceapp
        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request.getUrl().encodedPath()).isEqualTo("/data/looking-glass/data.json");
        assertThat(request.getUrl().queryParameter("resource")).isEqualTo("140.78.0.0/16");
        assertThat(request.getUrl().queryParameter("look_back_limit")).isEqualTo("3600");
        assertThat(request.getUrl().queryParameter("sourceapp")).isEqualTo("outage-herald-test");
    }

    @Test
    void staleDataIsNotAnObservation() {
        // GIVEN data whose latest_time is two hours behind its own query_time
        serve(data("2025-06-11T14:02:52", "2025-06-11T16:02:52", rrc("RRC00", peer("140.78.0.0/16", "1205"))));

        // WHEN / THEN the source reports STALE instead of an observation
        assertThatThrownBy(() -> source.observe(JKU))
                .isInstanceOfSatisfying(SourceUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.STALE));
    }

    @Test
    void aFullyWithdrawnPrefixIsSeenByNobody() throws Exception {
        // GIVEN no collector has a route (rrcs: [])
        serve(data("2025-06-11T16:02:16", "2025-06-11T16:02:52"));

        // WHEN the prefix is observed
        PrefixObservation observation = source.observe(JKU);

        // THEN that is a valid observation with no peers, collectors, origins or upstreams
        assertThat(observation.peersSeeing()).isZero();
        assertThat(observation.rrcs()).isZero();
        assertThat(observation.origins()).isEmpty();
        assertThat(observation.upstreams()).isEmpty();
        assertThat(observation.at()).isEqualTo(Instant.parse("2025-06-11T16:02:16Z"));
    }

    @Test
    void countsOnlyRoutesForExactlyThePrefix() throws Exception {
        // GIVEN one route for the prefix (written un-normalised), one for a more- and one for a less-specific
        serve(data("2025-06-11T16:02:16", "2025-06-11T16:02:52",
                rrc("RRC00", peer("140.78.0.0/16", "1205").put("peer", "192.0.2.1"),
                        peer("140.78.64.0/18", "1205").put("peer", "192.0.2.2")),
                rrc("RRC01", peer("140.0.0.0/8", "3356").put("peer", "192.0.2.3"))));

        // WHEN the prefix is observed
        PrefixObservation observation = source.observe(JKU);

        // THEN only the exact route counts
        assertThat(observation.peers()).containsExactly("RRC00 192.0.2.1");
        assertThat(observation.rrcs()).isEqualTo(1);
        assertThat(observation.origins()).containsExactly(1205L);
    }

    @Test
    void matchesIpv6PrefixesWhateverTheSpelling() throws Exception {
        // GIVEN a route whose IPv6 prefix is written long-hand
        Prefix ripe = Prefix.parse("2001:67c:2e8::/48");
        serve(data("2025-06-11T16:02:16", "2025-06-11T16:02:52",
                rrc("RRC00", peer("2001:067c:02e8:0000::/48", "3333").put("as_path", "6939 3333"))));

        // WHEN / THEN it counts
        assertThat(source.observe(ripe).peersSeeing()).isEqualTo(1);
    }

    @Test
    void readsAsnsGivenAsStringsOrNumbers() throws Exception {
        // GIVEN the origin once as a string, once as a number
        ObjectNode asNumber = peer("140.78.0.0/16", "1205").put("peer", "192.0.2.2");
        asNumber.put("asn_origin", 1205);
        serve(data("2025-06-11T16:02:16", "2025-06-11T16:02:52",
                rrc("RRC00", peer("140.78.0.0/16", "1205"), asNumber)));

        // WHEN / THEN both read as the same AS
        PrefixObservation observation = source.observe(JKU);
        assertThat(observation.origins()).containsExactly(1205L);
        assertThat(observation.peersSeeing()).isEqualTo(2);
    }

    @Test
    void upstreamSkipsPrependingAndAsSets() throws Exception {
        // GIVEN a prepended path, a path ending in an AS_SET, and one without asn_origin
        ObjectNode prepended = peer("140.78.0.0/16", "1205").put("as_path", "3356 1853 1205 1205 1205");
        ObjectNode withSet = peer("140.78.0.0/16", "1205").put("peer", "192.0.2.2")
                .put("as_path", "6939 1764 1205 {64512,64513}");
        ObjectNode noOrigin = peer("140.78.0.0/16", "1205").put("peer", "192.0.2.3")
                .put("as_path", "174 20965 1205");
        noOrigin.remove("asn_origin");
        serve(data("2025-06-11T16:02:16", "2025-06-11T16:02:52", rrc("RRC00", prepended, withSet, noOrigin)));

        // WHEN the prefix is observed
        PrefixObservation observation = source.observe(JKU);

        // THEN the upstream is the AS before the origin in each path
        assertThat(observation.origins()).containsExactly(1205L);
        assertThat(observation.upstreams()).containsExactlyInAnyOrder(1853L, 1764L, 20965L);
    }

    @Test
    void acceptsTimestampsWithAZone() throws Exception {
        // GIVEN times with +00:00 and Z instead of no zone
        serve(data("2025-06-11T16:02:16+00:00", "2025-06-11T16:02:52Z"));

        // WHEN / THEN they are read as UTC
        assertThat(source.observe(JKU).at()).isEqualTo(Instant.parse("2025-06-11T16:02:16Z"));
    }

    @Test
    void missingTimesOrRoutesAreMalformedNotEmpty() {
        // GIVEN an answer without latest_time, and one without rrcs
        ObjectNode noTime = data("2025-06-11T16:02:16", "2025-06-11T16:02:52");
        noTime.remove("latest_time");
        ObjectNode noRrcs = data("2025-06-11T16:02:16", "2025-06-11T16:02:52");
        noRrcs.remove("rrcs");

        // WHEN / THEN neither is taken for "nobody sees it"
        for (ObjectNode broken : new ObjectNode[] {noTime, noRrcs}) {
            serve(broken);
            assertThatThrownBy(() -> source.observe(JKU))
                    .isInstanceOfSatisfying(SourceUnavailableException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
        }
    }

    @Test
    void evidenceLinkPointsAtTheRipeStatUiNotTheApiBase() {
        // GIVEN a source whose API base is the local fake server
        // WHEN / THEN the link still goes to the public UI, the prefix one encoded path segment
        assertThat(source.evidenceUrl(Prefix.parse("175.45.176.0/22")))
                .isEqualTo("https://stat.ripe.net/app/launchpad/175.45.176.0%2F22");
    }

    private ObjectNode data(String latest, String query, ObjectNode... rrcs) {
        ObjectNode data = mapper.createObjectNode();
        ArrayNode list = data.putArray("rrcs");
        for (ObjectNode rrc : rrcs) {
            list.add(rrc);
        }
        data.put("query_time", query);
        data.put("latest_time", latest);
        return data;
    }

    private ObjectNode rrc(String name, ObjectNode... peers) {
        ObjectNode rrc = mapper.createObjectNode().put("rrc", name).put("location", "Amsterdam, Netherlands");
        ArrayNode list = rrc.putArray("peers");
        for (ObjectNode peer : peers) {
            list.add(peer);
        }
        return rrc;
    }

    private ObjectNode peer(String prefix, String origin) {
        return mapper.createObjectNode().put("asn_origin", origin).put("as_path", "34854 6939 1853 " + origin)
                .put("prefix", prefix).put("peer", "192.0.2.1").put("origin", "IGP")
                .put("latest_time", "2025-06-11T16:02:50");
    }

    private void serve(ObjectNode data) {
        ObjectNode envelope = mapper.createObjectNode();
        envelope.putArray("messages");
        envelope.put("data_call_name", "looking-glass").put("status", "ok").put("status_code", 200);
        envelope.set("data", data);
        server.enqueue(Samples.json(envelope.toString()));
    }
}
