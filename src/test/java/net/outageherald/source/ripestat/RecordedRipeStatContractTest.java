package net.outageherald.source.ripestat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import net.outageherald.model.Prefix;
import net.outageherald.source.AnnouncedPrefix;
import net.outageherald.source.PrefixObservation;
import net.outageherald.testing.MutableClock;
import net.outageherald.testing.SharedData;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the real RIPEstat answers recorded in {@code ../shared/fixtures} through our readers, and checks that our
 * own {@link Samples} still have the recorded shapes. Skipped where that folder is missing (a lone clone): the
 * other tests need only the samples, so this is the one place that says whether RIPEstat's real answers still parse.
 */
class RecordedRipeStatContractTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final MockWebServer server = new MockWebServer();
    private Path fixtures;
    private RipeStatClient client;

    @BeforeEach
    void start() throws IOException {
        // per test, not in @BeforeAll: surefire counts a class whose @BeforeAll skips as zero tests, not skipped
        fixtures = SharedData.require("fixtures");
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        client = TestSettings.client(server, new MutableClock(TestSettings.T0));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void everyRecordedEnvelopeIsAccepted() throws Exception {
        // GIVEN every recorded answer with an envelope (the data-only ones are bare data that old clients kept)
        List<String> files;
        try (Stream<Path> listed = Files.list(fixtures)) {
            files = listed.map(f -> f.getFileName().toString())
                    .filter(n -> n.startsWith("ripestat_") && n.endsWith(".json") && !n.contains("_data-only_"))
                    .sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(15);

        // WHEN / THEN the envelope reader hands out the data object of each, whatever fields the year added
        EnvelopeReader reader = new EnvelopeReader();
        SoftAssertions softly = new SoftAssertions();
        for (String file : files) {
            byte[] body = Files.readAllBytes(fixtures.resolve(file));
            String call = MAPPER.readTree(body).path("data_call_name").asText();
            softly.assertThatCode(() -> reader.data(call, body)).as(file).doesNotThrowAnyException();
        }
        softly.assertAll();
    }

    @Test
    void theRecordedLookingGlassAnswerIsAPlausibleObservation() throws Exception {
        // GIVEN the recorded answer for 140.78.0.0/16, its peers counted here from the JSON itself
        String file = "ripestat_looking-glass_140.78.0.0-16.json";
        server.enqueue(Samples.json(recorded(file)));
        Set<String> expectedPeers = new LinkedHashSet<>();
        for (JsonNode rrc : tree(file).path("data").path("rrcs")) {
            for (JsonNode peer : rrc.path("peers")) {
                if (peer.path("prefix").asText().equals("140.78.0.0/16")) {
                    expectedPeers.add(rrc.path("rrc").asText() + " " + peer.path("peer").asText());
                }
            }
        }

        // WHEN it is observed
        PrefixObservation observation = new RipeStatRoutingSource(client).observe(Prefix.parse("140.78.0.0/16"));

        // THEN many peers at most collectors see it, Uni Linz (AS1205) the origin, ACOnet (AS1853) upstream
        assertThat(observation.peers()).isEqualTo(expectedPeers);
        assertThat(observation.peersSeeing()).isGreaterThan(100);
        assertThat(observation.rrcs()).isGreaterThan(10);
        assertThat(observation.origins()).containsExactly(1205L);
        assertThat(observation.upstreams()).contains(1853L).doesNotContain(1205L);
        assertThat(observation.at()).isEqualTo(Instant.parse("2025-06-11T16:02:16Z"));
    }

    @Test
    void theRecordedAnnouncedPrefixesParse() throws Exception {
        // GIVEN the recorded announced-prefixes of AS3333 (2025) and AS198339 (2026, with pipeline)
        RipeStatResolutionSource source = new RipeStatResolutionSource(client, new MutableClock(TestSettings.T0));
        server.enqueue(Samples.json(recorded("ripestat_announced-prefixes_AS3333.json")));
        server.enqueue(Samples.json(recorded("ripestat_announced-prefixes_AS198339_2026.json")));

        // WHEN / THEN every listed prefix comes out once, with the end of its timeline
        List<AnnouncedPrefix> ripe = source.announcedPrefixes(3333);
        assertThat(ripe).hasSize(tree("ripestat_announced-prefixes_AS3333.json").path("data").path("prefixes").size())
                .contains(new AnnouncedPrefix(Prefix.parse("193.0.0.0/21"), Instant.parse("2025-06-11T08:00:00Z")));
        assertThat(source.announcedPrefixes(198339)).extracting(AnnouncedPrefix::prefix)
                .containsExactly(Prefix.parse("87.76.197.0/24"), Prefix.parse("2a0c:b641:440::/44"));
    }

    @Test
    void theRecordedHolderAndCountryListsParse() throws Exception {
        // GIVEN the recorded as-overview of AS3333 and country lists of Austria (2025) and CF (2026)
        RipeStatResolutionSource source = new RipeStatResolutionSource(client, new MutableClock(TestSettings.T0));
        server.enqueue(Samples.json(recorded("ripestat_as-overview_AS3333.json")));
        server.enqueue(Samples.json(recorded("ripestat_country-resource-list_AT.json")));
        server.enqueue(Samples.json(recorded("ripestat_country-resource-list_CF_2026.json")));

        // WHEN / THEN the holder is read, and each country's ASN strings come out as numbers, all of them
        assertThat(source.asHolder(3333)).hasValueSatisfying(h -> assertThat(h).startsWith("RIPE-NCC-AS"));
        assertThat(source.countryAsns("AT")).containsExactlyElementsOf(asns("ripestat_country-resource-list_AT.json"))
                .contains(1205L, 1853L).hasSizeGreaterThan(100);
        assertThat(source.countryAsns("CF"))
                .containsExactlyElementsOf(asns("ripestat_country-resource-list_CF_2026.json")).isNotEmpty();
    }

    @Test
    void ourSamplesHaveTheRecordedShapes() throws Exception {
        // the samples stand in for RIPEstat everywhere else: a field they invent or lack would test nothing real
        Map<String, String> recordedFor = Map.of(
                "looking-glass_140.78.0.0-16.json", "ripestat_looking-glass_140.78.0.0-16.json",
                "announced-prefixes_AS3333.json", "ripestat_announced-prefixes_AS3333.json",
                "announced-prefixes_AS64496_2026.json", "ripestat_announced-prefixes_AS198339_2026.json",
                "as-overview_AS3333.json", "ripestat_as-overview_AS3333.json",
                "country-resource-list_AT.json", "ripestat_country-resource-list_AT.json",
                "country-resource-list_CF_2026.json", "ripestat_country-resource-list_CF_2026.json",
                "routing-status_AS3333.json", "ripestat_routing-status_AS3333.json");
        SoftAssertions softly = new SoftAssertions();
        for (Map.Entry<String, String> pair : recordedFor.entrySet()) {
            softly.assertThat(shape(Samples.tree(pair.getKey()))).as(pair.getKey() + " shaped like " + pair.getValue())
                    .containsExactlyInAnyOrderElementsOf(shape(tree(pair.getValue())));
        }
        softly.assertAll();
    }

    private String recorded(String file) throws IOException {
        return Files.readString(fixtures.resolve(file));
    }

    private JsonNode tree(String file) throws IOException {
        return MAPPER.readTree(recorded(file));
    }

    /** The ASN strings of a recorded country-resource-list, read here without our code. */
    private List<Long> asns(String file) throws IOException {
        List<Long> asns = new ArrayList<>();
        tree(file).path("data").path("resources").path("asn").forEach(asn -> asns.add(Long.parseLong(asn.asText())));
        return asns;
    }

    /** Every field path with its JSON type, array elements merged: "$.data.rrcs[].peers[].asn_origin STRING". */
    private static Set<String> shape(JsonNode root) {
        Set<String> out = new TreeSet<>();
        walk(root, "$", out);
        return out;
    }

    private static void walk(JsonNode node, String path, Set<String> out) {
        out.add(path + " " + node.getNodeType());
        if (node.isObject()) {
            node.properties().forEach(field -> walk(field.getValue(), path + "." + field.getKey(), out));
        } else if (node.isArray()) {
            node.forEach(element -> walk(element, path + "[]", out));
        }
    }
}
