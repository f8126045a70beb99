package net.outageherald.source.ioda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.outageherald.source.SourceUnavailableException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Our reader against real recorded IODA answers ({@code shared/fixtures/ioda_*.json}, recorded 2026-10-07), so that
 * the hand-written samples cannot drift from what IODA really sends. The fixtures live beside the checkout:
 * {@code <herald.shared>/fixtures}, else {@code herald.fixtures} (set by the pom), else {@code ../shared/fixtures}.
 * Without them the whole class is skipped with one message.
 */
class IodaFixturesContractTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static Path fixtures;
    private static String absent;
    private final IodaResponseReader reader = new IodaResponseReader();

    @BeforeAll
    static void findFixtures() throws IOException {
        String shared = System.getProperty("herald.shared");
        String fixturesProperty = System.getProperty("herald.fixtures");
        Path dir = shared != null ? Path.of(shared, "fixtures")
                : fixturesProperty != null ? Path.of(fixturesProperty) : Path.of("..", "shared", "fixtures");
        boolean present = Files.isDirectory(dir);
        if (present) {
            try (Stream<Path> files = Files.list(dir)) {
                present = files.anyMatch(f -> f.getFileName().toString().matches("ioda_signals_.*\\.json"));
            }
        }
        fixtures = present ? dir : null;
        absent = "no recorded IODA fixtures (ioda_signals_*.json) in " + dir.toAbsolutePath().normalize()
                + ": skipping the IODA contract test; set -Dherald.shared=DIR to point at shared/";
    }

    @BeforeEach
    void skipWithoutFixtures() {
        // per test rather than in @BeforeAll: Surefire reports a class skipped there as "0 tests", hiding why
        Assumptions.assumeTrue(fixtures != null, absent);
    }

    private static byte[] fixture(String name) throws IOException {
        return Files.readAllBytes(fixtures.resolve(name + ".json"));
    }

    private List<IodaSignal> signals(String name) throws IOException, SourceUnavailableException {
        String endpoint = "fixture " + name;
        return reader.signals(endpoint, reader.envelope(endpoint, fixture(name), IodaResponseReader.SIGNALS));
    }

    @Test
    void everySignalsFixtureIsReadSeriesForSeriesAndValueForValue() throws Exception {
        List<Path> files;
        try (Stream<Path> list = Files.list(fixtures)) {
            files = list.filter(f -> f.getFileName().toString().matches("ioda_signals_.*\\.json")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            String name = file.getFileName().toString().replaceFirst("\\.json$", "");
            // what we expect is computed from the raw tree, independently of the reader
            List<JsonNode> expected = new ArrayList<>();
            MAPPER.readTree(file.toFile()).get("data").forEach(group -> group.forEach(expected::add));

            List<IodaSignal> read = signals(name);

            assertThat(read).as(name).hasSize(expected.size());
            for (int i = 0; i < read.size(); i++) {
                IodaSignal s = read.get(i);
                JsonNode e = expected.get(i);
                assertThat(s.entity().path()).as(name).isEqualTo(e.get("entityType").asText() + "/" + e.get("entityCode").asText());
                assertThat(s.entityName()).isEqualTo(e.get("entityName").asText());
                assertThat(s.datasource().wireName()).isEqualTo(e.get("datasource").asText());
                assertThat(s.from()).isEqualTo(Instant.ofEpochSecond(e.get("from").asLong()));
                assertThat(s.step()).isEqualTo(Duration.ofSeconds(e.get("step").asLong()));
                assertThat(s.until()).as("bins cover the window IODA names").isEqualTo(Instant.ofEpochSecond(e.get("until").asLong()));
                assertThat(s.values()).hasSize(e.get("values").size());
                for (int v = 0; v < s.values().size(); v++) {
                    JsonNode raw = e.get("values").get(v);
                    // a null bin stays "no data", never 0
                    assertThat(s.values().get(v)).isEqualTo(raw.isNull() ? null : raw.asDouble());
                }
            }
        }
    }

    @Test
    void newZealandsBgpSignalReadsAsUsualAndItsCreditNamesGeorgiaTech() throws Exception {
        IodaSignal nz = signals("ioda_signals_country_NZ_bgp").get(0);
        IodaResponseReader.Envelope envelope = reader.envelope("nz", fixture("ioda_signals_country_NZ_bgp"),
                IodaResponseReader.SIGNALS);

        assertThat(nz.entity()).isEqualTo(new IodaEntity(IodaEntity.Type.COUNTRY, "NZ"));
        assertThat(IodaCorroboration.reading(nz).orElseThrow().describe()).isEqualTo("IODA BGP: 100 % of usual visible /24s");
        assertThat(IodaLinks.attribution(envelope.copyright().orElseThrow())).isEqualTo("Data: IODA, Georgia Tech");
    }

    @Test
    void theThreeCountriesOfOneCallComeBackInOrder() throws Exception {
        assertThat(signals("ioda_signals_country_ET-NZ-TN_ping-slash24")).extracting(s -> s.entity().code())
                .containsExactly("ET", "NZ", "TN");
        assertThat(signals("ioda_signals_country_ET-NZ-TN_merit-nt")).extracting(IodaSignal::datasource)
                .containsOnly(IodaDatasource.MERIT_NT);
        assertThat(signals("ioda_signals_asn_9500_bgp")).singleElement()
                .satisfies(s -> assertThat(s.entity()).isEqualTo(IodaEntity.asn(9500)));
    }

    @Test
    void anAnswerOfAnotherCallIsNotTakenForSignals() throws Exception {
        // an events answer has the envelope but another type: reading it as signals would be a silent mix-up
        assertThatThrownBy(() -> signals("ioda_outages-events_country_ET-NZ-TN"))
                .isInstanceOf(SourceUnavailableException.class).hasMessageContaining("outages.events");
    }
}
