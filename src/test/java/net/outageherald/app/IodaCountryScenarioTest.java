package net.outageherald.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import net.outageherald.command.Reply;
import net.outageherald.model.Destination;
import net.outageherald.model.Platform;
import net.outageherald.testing.FakeIoda;
import net.outageherald.testing.Harness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A country too large to watch prefix by prefix is watched through IODA's country BGP signal: subscribed to,
 * judged, confirmed, told and restored from IODA's signals alone, with the source named; IODA failing makes it
 * unknown, never offline.
 */
class IodaCountryScenarioTest {

    private static final String YAML = "detection: {max-prefixes-per-target: 3, spread-polls: false}\n"
            + "rislive: {enabled: false}\n";
    private static final Destination CHAT = new Destination(Platform.TELEGRAM, "42");

    @TempDir
    Path dir;

    private FakeIoda ioda;
    private Harness h;

    @BeforeEach
    void start() throws Exception {
        ioda = new FakeIoda();
        h = new Harness(dir, "", YAML, Map.of("HERALD_IODA_URL", ioda.baseUrl()));
        ioda.clock(h.clock);
        // the US: one AS with four prefixes, over the limit of three; IODA's usual levels for it
        h.ripestat.country("US", 7018L).as(7018, "ATT", 20, "12.0.0.0/24", "12.0.1.0/24", "12.0.2.0/24",
                "12.0.3.0/24");
        ioda.usual("country/US", "bgp", 1000).usual("country/US", "ping-slash24", 500)
                .usual("country/US", "merit-nt", 80);
    }

    @AfterEach
    void stop() throws Exception {
        h.close();
        ioda.close();
    }

    /** One IODA round five minutes on, and delivery of what it told. */
    private void iodaRound() throws Exception {
        h.clock.advance(Duration.ofMinutes(5));
        h.app().signalWatch().run();
        h.settle();
    }

    /** Runs IODA rounds until the console shows {@code text}; how many it took, or max + 1 when it never did. */
    private int roundsUntil(String text, int max) throws Exception {
        for (int i = 1; i <= max; i++) {
            iodaRound();
            if (h.console().contains(text)) {
                return i;
            }
        }
        return max + 1;
    }

    @Test
    void subscribeUsIsAcceptedAndSaysThatIodaSpeaksForIt() {
        Reply r = h.app().commands().subscribe(CHAT, "US");

        assertThat(r.ok()).isTrue();
        assertThat(r.message().headline()).isEqualTo("Subscribed to United States (US)");
        assertThat(r.message().summary()).contains("Watched through IODA, not prefix by prefix",
                "source: IODA BGP signal, prefix-level watch not used for countries over 3 prefixes");
        assertThat(h.app().subscriptions().of(CHAT)).extracting(s -> s.targetKey()).containsExactly("US");
    }

    @Test
    void aCountryOutageFromIodaSignalsAloneIsToldConfirmedAndRestored() throws Exception {
        h.app().commands().subscribe(CHAT, "US");
        iodaRound();
        iodaRound();
        assertThat(h.console()).doesNotContain("United States (US) is");

        // WHEN IODA's BGP count falls to 30 % and active probing to 12 % of usual
        ioda.level("country/US", "bgp", 300.0);
        ioda.level("country/US", "ping-slash24", 60.0);
        // THEN not before confirmation: three rounds that see it, the first of them once IODA's next bin is in
        int rounds = roundsUntil("is offline", 6);
        assertThat(rounds).isBetween(3, 4);
        // ...then offline, in IODA's words, with the source named, the dashboard and IODA's credit
        assertThat(h.console()).contains("🔴 United States (US) is offline",
                "IODA's BGP signal sees 30 % of the /24 blocks it usually sees routed in United States (US).",
                "Source: IODA BGP signal, prefix-level watch not used for countries over 3 prefixes",
                "IODA active probing: 12 % of usual up /24s",
                "https://ioda.inetintel.cc.gatech.edu/country/US",
                "Data: IODA, Georgia Tech");
        assertThat(h.console()).doesNotContain("RIS peers");
        // and /status says so, and who spoke
        Reply status = h.app().commands().status("US");
        assertThat(status.message().headline()).isEqualTo("United States (US) is offline");
        assertThat(status.message().summary()).contains("source: IODA BGP signal", "30 % of usual visible /24s");

        // WHEN both are back at 15:40
        ioda.level("country/US", "bgp", 1000.0);
        ioda.level("country/US", "ping-slash24", 500.0);
        // the first 10-minute probing bin that starts after the change reads usual again
        long set = h.clock.instant().getEpochSecond();
        String back = java.time.Instant.ofEpochSecond((set + 599) / 600 * 600).toString().substring(11, 16);
        assertThat(roundsUntil("is back online", 6)).isBetween(3, 4);
        assertThat(h.console()).contains("🟢 United States (US) is back online after",
                "IODA's BGP signal for United States (US) is back to its usual level.",
                "IODA active probing back to usual at 22 Dec " + back + " UTC");
        assertThat(h.console()).doesNotContain("Monitoring of United States");
    }

    @Test
    void aRestartDoesNotCountTheSameBinAgain() throws Exception {
        h.app().commands().subscribe(CHAT, "US");
        iodaRound();
        iodaRound();

        // WHEN IODA's BGP count falls to 30 %, and after every round the bot restarts twice and judges again at once:
        // the new process fetches the same newest bin the old one had already counted
        ioda.level("country/US", "bgp", 300.0);
        int rounds = 0;
        while (rounds < 6 && !h.console().contains("is offline")) {
            iodaRound();
            rounds++;
            if (h.console().contains("is offline")) {
                break;
            }
            for (int restart = 0; restart < 2; restart++) {
                h.restart();
                h.app().signalWatch().run();
                h.settle();
            }
            // THEN the restart's judging of an already counted bin adds no confirmation
            assertThat(h.console()).as("offline right after restart %d", rounds).doesNotContain("is offline");
        }

        // and the outage is still confirmed after as many rounds as without restarts (see above)
        assertThat(rounds).isBetween(3, 4);
    }

    @Test
    void iodaFailingMakesTheCountryUnknownNeverOffline() throws Exception {
        h.app().commands().subscribe(CHAT, "US");
        iodaRound();
        iodaRound();

        // WHEN IODA fails for an hour: its last series count until max-data-lag (30 min), then unknown-after (10 min)
        ioda.failing(true);
        for (int i = 0; i < 12; i++) {
            iodaRound();
        }

        // THEN no outage, but the operators hear that monitoring is degraded, and /status says unknown
        assertThat(h.console()).doesNotContain("is offline").doesNotContain("partly offline")
                .contains("Monitoring of United States (US) is degraded", "No fresh IODA data");
        assertThat(h.app().commands().status("US").message().headline())
                .isEqualTo("Status of United States (US) is unknown");
    }

    @Test
    void oneLowBinSeenAgainWhileIodaFailsIsNotConfirmedIntoAnOutage() throws Exception {
        h.app().commands().subscribe(CHAT, "US");
        iodaRound();
        iodaRound();

        // WHEN IODA's BGP count falls to 30 % for one new bin (it shows at the second round), then IODA fails:
        // the poller keeps that last series, and its low bin is judged again at every round
        ioda.level("country/US", "bgp", 300.0);
        iodaRound();
        iodaRound();
        assertThat(h.app().commands().status("US").message().summary()).contains("30 % of usual");
        ioda.failing(true);
        for (int i = 0; i < 5; i++) {
            iodaRound();
        }

        // THEN the one bin is one round of evidence, however often it is judged again: no outage
        assertThat(h.console()).doesNotContain("is offline").doesNotContain("partly offline");
    }

    @Test
    void aLaggingIodaIsUnknownTooNotAnOutage() throws Exception {
        h.app().commands().subscribe(CHAT, "US");
        iodaRound();
        // IODA's newest bins stop 45 min back, and its last bins before that show the drop
        ioda.level("country/US", "bgp", 0.0);
        ioda.lagBy(Duration.ofMinutes(45));
        for (int i = 0; i < 6; i++) {
            iodaRound();
        }
        assertThat(h.console()).doesNotContain("is offline").doesNotContain("partly offline");
    }

    @Test
    void aCountryThatAloneWouldFillTheWholeWatchListIsWatchedThroughIodaToo() throws Exception {
        h.close();
        Files.createDirectories(dir.resolve("cap"));
        h = new Harness(dir.resolve("cap"), "", "detection: {max-watched-prefixes: 3, spread-polls: false}\n",
                Map.of("HERALD_IODA_URL", ioda.baseUrl()));
        h.ripestat.country("US", 7018L).as(7018, "ATT", 20, "12.0.0.0/24", "12.0.1.0/24", "12.0.2.0/24",
                "12.0.3.0/24");

        Reply r = h.app().commands().subscribe(CHAT, "US");

        assertThat(r.ok()).isTrue();
        assertThat(r.message().summary()).contains("not used for countries over 3 prefixes");
    }

    @Test
    void withIodaOffACountryTooLargeIsRefusedWithTheNumbersAsBefore() throws Exception {
        h.close();
        Files.createDirectories(dir.resolve("off"));
        h = new Harness(dir.resolve("off"), "", YAML + "ioda: {enabled: false}\n");
        h.ripestat.country("US", 7018L).as(7018, "ATT", 20, "12.0.0.0/24", "12.0.1.0/24", "12.0.2.0/24",
                "12.0.3.0/24");

        Reply r = h.app().commands().subscribe(CHAT, "US");

        assertThat(r.ok()).isFalse();
        assertThat(r.message().summary()).contains("more than the 3", "detection.max-prefixes-per-target");
        assertThat(h.app().signalWatch()).isNull();
        assertThat(h.app().subscriptions().of(CHAT)).isEmpty();
    }
}
