package net.outageherald.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import net.outageherald.testing.FakeIoda;
import net.outageherald.testing.Harness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An AS watched prefix by prefix: its outage message carries IODA's corroboration when IODA's data is fresh, and
 * comes on the same round without it when IODA is down or lagging: IODA never delays or blocks a message.
 */
class IodaCorroborationScenarioTest {

    private static final String YAML = "detection: {spread-polls: false}\nrislive: {enabled: false}\n";
    private static final String[] PREFIXES = {"10.0.0.0/24", "10.0.1.0/24"};

    @TempDir
    Path dir;

    enum Ioda { FRESH, DOWN, LAGGING }

    /** What the console showed, and at which poll the outage message came. */
    private record Run(String console, int offlineAtPoll, int backAtPoll) {
    }

    private Run outage(Ioda state) throws Exception {
        Path home = Files.createDirectories(dir.resolve(state.name()));
        try (FakeIoda ioda = new FakeIoda();
             Harness h = new Harness(home, "AS64500", YAML, Map.of("HERALD_IODA_URL", ioda.baseUrl()))) {
            ioda.clock(h.clock);
            h.ripestat.as(64500, "EXAMPLE", 20, PREFIXES);
            ioda.usual("asn/64500", "bgp", 8).usual("asn/64500", "ping-slash24", 300)
                    .usual("asn/64500", "merit-nt", 40);
            switch (state) {
                case DOWN -> ioda.failing(true);
                case LAGGING -> ioda.lagBy(Duration.ofHours(1));
                default -> { }
            }
            h.poll(3);
            // WHEN the AS's /24s stop answering pings at 15:03, IODA has the bin ten minutes later
            ioda.level("asn/64500", "bgp", 0.0);
            ioda.level("asn/64500", "ping-slash24", 36.0);
            h.clock.advance(Duration.ofMinutes(10));
            h.app().iodaPoller().poll();
            // and the AS goes dark in BGP
            h.seenBy(0, PREFIXES);
            int offline = 0;
            for (int i = 1; i <= 10 && offline == 0; i++) {
                h.poll();
                if (i % 5 == 0) {
                    h.app().iodaPoller().poll(); // IODA's own schedule: every 5 minutes
                }
                offline = h.console().contains("AS64500 EXAMPLE is offline") ? i : 0;
            }
            // WHEN probing is back, and ten minutes on the prefixes too
            ioda.level("asn/64500", "ping-slash24", 300.0);
            ioda.level("asn/64500", "bgp", 8.0);
            h.clock.advance(Duration.ofMinutes(10));
            h.app().iodaPoller().poll();
            h.seenBy(20, PREFIXES);
            int back = 0;
            for (int i = 1; i <= 10 && back == 0; i++) {
                h.poll();
                back = h.console().contains("AS64500 EXAMPLE is back online") ? i : 0;
            }
            return new Run(h.console(), offline, back);
        }
    }

    @Test
    void freshIodaDataCorroboratesTheOutageAndDatesTheDataPlanesReturn() throws Exception {
        Run r = outage(Ioda.FRESH);

        assertThat(r.offlineAtPoll()).isPositive();
        assertThat(r.console()).contains("🔴 AS64500 EXAMPLE is offline",
                "IODA active probing: 12 % of usual up /24s",
                "https://ioda.inetintel.cc.gatech.edu/asn/64500",
                "Data: RIPE NCC RIS via RIPEstat · Data: IODA, Georgia Tech",
                "🟢 AS64500 EXAMPLE is back online", "Data plane: IODA active probing back to usual at 22 Dec ");
    }

    @Test
    void iodaDownOrLaggingLeavesTheMessagesUnchangedAndOnTime() throws Exception {
        Run fresh = outage(Ioda.FRESH);
        for (Ioda state : new Ioda[] {Ioda.DOWN, Ioda.LAGGING}) {
            Run r = outage(state);

            // the same rounds as with a healthy IODA, and the same words without its lines
            assertThat(r.offlineAtPoll()).as(state.name()).isEqualTo(fresh.offlineAtPoll());
            assertThat(r.backAtPoll()).as(state.name()).isEqualTo(fresh.backAtPoll());
            assertThat(r.console()).as(state.name()).contains("🔴 AS64500 EXAMPLE is offline",
                    "🟢 AS64500 EXAMPLE is back online").doesNotContain("IODA");
        }
    }
}
