package net.outageherald.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import net.outageherald.chart.ChartRequest;
import net.outageherald.chart.ChartSource;
import net.outageherald.chart.ChartResult;
import net.outageherald.chart.VisibilityChart;
import net.outageherald.model.Prefix;
import net.outageherald.model.Target;
import net.outageherald.store.Database;
import net.outageherald.store.TargetRepository;
import net.outageherald.store.VisibilityRepository;
import net.outageherald.testing.MutableClock;
import net.outageherald.testing.StoredOutage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /chart: the last 24 hours of a watched target as a PNG, or what to do when there is no chart to show. */
class ChartCommandTest {

    private static final Instant NOW = Instant.parse("2026-12-02T01:00:00Z");
    private static final Target AS = new Target.As(64500);

    @TempDir
    Path dir;
    private Database db;
    private final MutableClock clock = new MutableClock(NOW);
    private ChartAnswers answers;

    @BeforeEach
    void open() {
        db = Database.open("jdbc:sqlite:" + dir.resolve("herald.db"), null, null, 2);
        answers = new ChartAnswers(db, clock, new VisibilityChart()::render, true);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void watched(Instant since) {
        db.inTransaction(tx -> {
            new TargetRepository().saveResolution(tx, "AS64500", "AS64500 EXAMPLE-AS", null,
                    List.of(Prefix.parse("192.0.2.0/24")), since, since);
            return null;
        });
    }

    private void samples(int minutes, double share) {
        VisibilityRepository repo = new VisibilityRepository();
        db.inTransaction(tx -> {
            for (int m = minutes; m >= 1; m--) {
                repo.record(tx, "AS64500", new VisibilityRepository.Sample(NOW.minusSeconds(60L * m), share, 12, 12));
            }
            return null;
        });
    }

    @Test
    void aWatchedTargetWithHistoryGetsItsChart() {
        watched(NOW.minus(Duration.ofHours(3)));
        samples(180, 1);

        Reply r = answers.chart(AS);

        assertThat(r.ok()).isTrue();
        assertThat(r.hasChart()).isTrue();
        assertThat(r.chart()[1]).isEqualTo((byte) 'P');
        assertThat(r.message().headline()).isEqualTo("Visibility of AS64500 EXAMPLE-AS");
        assertThat(r.message().summary()).contains("Last 24 hours", "100 % of its address space visible",
                "12 RIS peers");
        assertThat(r.message().footer()).isEqualTo("Data: RIPE NCC RIS");
    }

    @Test
    void aCountryWatchedThroughIodaIsChartedAndToldAsIodaNotAsRisPeers() {
        Target cn = new Target.Land(net.outageherald.model.Countries.all().byCode("CN").orElseThrow());
        VisibilityRepository repo = new VisibilityRepository();
        db.inTransaction(tx -> {
            new TargetRepository().saveResolution(tx, "CN", "China (CN)", null, List.of(), NOW.minusSeconds(7200),
                    NOW.minusSeconds(7200));
            for (int m = 60; m >= 1; m--) { // what the signal watch stores: IODA's share, no peers
                repo.record(tx, "CN", new VisibilityRepository.Sample(NOW.minusSeconds(60L * m), 0.87, 0, 0));
            }
            return null;
        });
        AtomicReference<ChartRequest> asked = new AtomicReference<>();
        ChartAnswers ioda = new ChartAnswers(db, clock, req -> {
            asked.set(req);
            return new VisibilityChart().render(req);
        }, true, key -> key.equals("CN") ? Optional.of("source: IODA BGP signal") : Optional.empty());

        Reply r = ioda.chart(cn);

        assertThat(r.hasChart()).isTrue();
        assertThat(asked.get().source()).isEqualTo(ChartSource.IODA_SIGNAL);
        assertThat(asked.get().attribution()).isEqualTo("Data: IODA, Georgia Tech");
        assertThat(r.message().summary()).contains("IODA's BGP signal at 87 % of its usual level")
                .doesNotContain("RIS peer", "address space visible");
        assertThat(r.message().footer()).isEqualTo("Data: IODA, Georgia Tech");
    }

    @Test
    void anOngoingOutageIsShadedAndSaidInWords() {
        StoredOutage.of("AS64500", NOW.minus(Duration.ofMinutes(20))).named("AS64500 EXAMPLE-AS").store(db);
        samples(120, 0);
        ChartAnswers drawn = new ChartAnswers(db, clock, req -> {
            assertThat(req.outage()).isPresent();
            assertThat(req.outage().get().start()).isEqualTo(NOW.minus(Duration.ofMinutes(20)));
            return new VisibilityChart().render(req);
        }, true);

        Reply r = drawn.chart(AS);

        assertThat(r.hasChart()).isTrue();
        assertThat(r.message().summary()).contains("Offline since 2 Dec 00:40 UTC (shaded)");
    }

    @Test
    void aTargetNobodyWatchesHasNoHistoryAndTheReplySaysToSubscribe() {
        Reply r = answers.chart(AS);

        assertThat(r.ok()).isFalse();
        assertThat(r.hasChart()).isFalse();
        assertThat(r.message().summary()).isEqualTo("AS64500 is not watched, so there is no history to draw: subscribe"
                + " first (/subscribe AS64500), and its chart fills from then on, one sample a minute.");
    }

    @Test
    void aTargetWatchedAMomentAgoHasNotEnoughHistoryYet() {
        watched(NOW.minusSeconds(90));
        samples(1, 1);

        Reply r = answers.chart(AS);

        assertThat(r.ok()).isFalse();
        assertThat(r.message().headline()).isEqualTo("Not enough history for AS64500 EXAMPLE-AS yet");
        assertThat(r.message().summary()).contains("at least 2 samples", "watched since 2 Dec 00:58 UTC",
                "has 1 sample in the last 24 hours", "/chart AS64500 again");
    }

    @Test
    void aRendererFailureIsAClearReplyNotAStackTrace() {
        watched(NOW.minus(Duration.ofHours(1)));
        samples(30, 1);
        ChartAnswers broken = new ChartAnswers(db, clock,
                req -> new ChartResult.NotDrawn(ChartResult.Reason.FAILED, "could not draw the chart: no fonts"), true);

        Reply r = broken.chart(AS);

        assertThat(r.ok()).isFalse();
        assertThat(r.message().headline()).isEqualTo("Could not draw the chart of AS64500 EXAMPLE-AS");
        assertThat(r.message().summary()).doesNotContain("Exception");
    }

    @Test
    void chartsSwitchedOffSaySo() {
        Reply r = new ChartAnswers(db, clock, new VisibilityChart()::render, false).chart(AS);

        assertThat(r.ok()).isFalse();
        assertThat(r.message().summary()).contains("charts.enabled");
    }
}
