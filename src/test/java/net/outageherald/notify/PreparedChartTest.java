package net.outageherald.notify;

import static net.outageherald.testing.NotifyHarness.tg;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import net.outageherald.chart.ChartRequest;
import net.outageherald.chart.ChartResult;
import net.outageherald.chart.ChartsConfig;
import net.outageherald.chart.OutageInterval;
import net.outageherald.detect.PendingChange;
import net.outageherald.detect.PendingChange.Leads;
import net.outageherald.model.Delivery;
import net.outageherald.model.Message;
import net.outageherald.model.SendReason;
import net.outageherald.model.Status;
import net.outageherald.store.Database;
import net.outageherald.store.OutageRepository;
import net.outageherald.store.OutboxRow;
import net.outageherald.testing.NotifyHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chart drawn while a change is being confirmed is the one its event's messages carry, without drawing it
 * again; a chart prepared for another streak is not.
 */
class PreparedChartTest {

    private static final String KEY = "AS131279";

    @TempDir
    Path dir;
    private NotifyHarness h;
    /** What the renderer was asked to draw, in order. */
    private final List<ChartRequest> asked = new ArrayList<>();
    private final OutageRepository outages = new OutageRepository();

    @BeforeEach
    void open() {
        h = new NotifyHarness(dir);
    }

    @AfterEach
    void close() {
        h.close();
    }

    private EventCharts charts(Executor drawing) {
        return charts(drawing, h.db, h.clock);
    }

    private EventCharts charts(Executor drawing, Database db, Clock clock) {
        return new EventCharts(db, r -> {
            synchronized (asked) {
                asked.add(r);
                return new ChartResult.Png(new byte[] {(byte) 0x89, 'P', 'N', 'G', (byte) asked.size()}, 800, 400);
            }
        }, drawing, Duration.ofDays(1), Duration.ofSeconds(5), clock);
    }

    private long outage(Instant started) {
        return h.db.inTransaction(tx -> outages.open(tx, KEY, started, Status.DOWN));
    }

    private static OutboxRow row(long event, SendReason reason, long outage, Instant at) {
        return new OutboxRow(event, tg("1"), Delivery.Action.SEND, reason, outage,
                Message.text(Status.DOWN, "x", ""), 0, at, null, event, KEY);
    }

    @Test
    void theEventOfThePreparedStreakTakesItsChartWithoutDrawingAgain() {
        EventCharts charts = charts(Runnable::run);
        // the streak began between two milliseconds: the store keeps its start to the millisecond
        Instant since = h.clock.instant().plusNanos(123_456);
        charts.prepare(new PendingChange(KEY, since, Leads.OUTAGE, null));
        Instant preparedAt = h.clock.instant();
        assertThat(asked).hasSize(1);
        assertThat(asked.get(0).window().until()).as("drawn for now, not for the event").isEqualTo(
                preparedAt.plusSeconds(1));
        assertThat(asked.get(0).outage()).contains(new OutageInterval(since, null));

        // WHEN the outage is confirmed a minute later and its rows are delivered
        h.clock.advance(Duration.ofSeconds(60));
        long outage = outage(since);
        Instant confirmed = h.clock.instant();
        var first = charts.chartFor(row(7, SendReason.OUTAGE, outage, confirmed));
        var second = charts.chartFor(row(7, SendReason.OUTAGE, outage, confirmed));

        // THEN they carry the prepared chart, drawn once
        assertThat(first).isPresent();
        assertThat(first.get()[4]).isEqualTo((byte) 1);
        assertThat(second.get()).isSameAs(first.get());
        assertThat(asked).hasSize(1);
    }

    @Test
    void aRestorationTakesTheChartPreparedSinceItsStreakWithItsOutageShaded() {
        EventCharts charts = charts(Runnable::run);
        Instant began = h.clock.instant().minus(Duration.ofHours(2));
        long outage = outage(began);
        Instant back = h.clock.instant();
        charts.prepare(new PendingChange(KEY, back, Leads.RESTORATION, began));
        assertThat(asked.get(0).outage()).contains(new OutageInterval(began, back));

        h.clock.advance(Duration.ofSeconds(60));
        h.db.inTransaction(tx -> {
            outages.close(tx, outage, back);
            return null;
        });
        assertThat(charts.chartFor(row(8, SendReason.RESTORATION, outage, h.clock.instant()))).isPresent();
        assertThat(asked).hasSize(1);
    }

    @Test
    void aChartPreparedForAnotherStreakIsNotUsedAndTheEventDrawsItsOwn() {
        EventCharts charts = charts(Runnable::run);
        Instant since = h.clock.instant();
        charts.prepare(new PendingChange(KEY, since.minusSeconds(30), Leads.OUTAGE, null));
        h.clock.advance(Duration.ofSeconds(60));
        long outage = outage(since);

        var chart = charts.chartFor(row(7, SendReason.OUTAGE, outage, h.clock.instant()));

        assertThat(chart).isPresent();
        assertThat(chart.get()[4]).as("its own drawing, the second").isEqualTo((byte) 2);
        assertThat(asked).hasSize(2);
        assertThat(asked.get(1).window().until()).isEqualTo(h.clock.instant().plusSeconds(1));

        // and an outage's chart is not a restoration's: a restoration since the same instant draws its own
        charts.prepare(new PendingChange(KEY, since, Leads.RESTORATION, since.minusSeconds(60)));
        assertThat(charts.chartFor(row(9, SendReason.OUTAGE, outage(since), h.clock.instant())).get()[4])
                .isEqualTo((byte) 4);
    }

    @Test
    void aNewerStreakReplacesTheOlderWhoseQueuedDrawingIsSkipped() {
        List<Runnable> queued = new ArrayList<>();
        EventCharts charts = charts(queued::add);
        Instant older = h.clock.instant();
        charts.prepare(new PendingChange(KEY, older, Leads.OUTAGE, null));
        h.clock.advance(Duration.ofSeconds(20));
        Instant newer = h.clock.instant();
        charts.prepare(new PendingChange(KEY, newer, Leads.OUTAGE, null));
        new ArrayList<>(queued).forEach(Runnable::run);
        assertThat(asked).as("only the newer streak's chart is drawn").hasSize(1);
        assertThat(asked.get(0).outage()).contains(new OutageInterval(newer, null));

        h.clock.advance(Duration.ofSeconds(60));
        assertThat(charts.chartFor(row(7, SendReason.OUTAGE, outage(newer), h.clock.instant()))).isPresent();
        assertThat(asked).hasSize(1);
    }

    @Test
    void aChartStillBeingPreparedIsWaitedForAsOneBeingDrawnAtDelivery() {
        List<Runnable> queued = new ArrayList<>();
        EventCharts charts = charts(queued::add);
        Instant since = h.clock.instant();
        charts.prepare(new PendingChange(KEY, since, Leads.OUTAGE, null));
        long outage = outage(since);
        Thread drawer = new Thread(() -> new ArrayList<>(queued).forEach(Runnable::run));

        drawer.start(); // finishes while the sender waits, or before: the row gets it either way
        assertThat(charts.chartFor(row(7, SendReason.OUTAGE, outage, h.clock.instant()))).isPresent();
        assertThat(asked).hasSize(1);
    }

    @Test
    void withChartsDisabledNothingIsPrepared() {
        assertThat(EventCharts.ifEnabled(h.db, ChartsConfig.disabled(), h.clock, key -> java.util.Optional.empty()))
                .isEmpty();
        assertThat(EventCharts.of(h.db, ChartsConfig.disabled(), h.clock)).isSameAs(net.outageherald.outbox.Charts.NONE);

        // a notifier given charts but nothing to prepare them draws only at delivery
        h.close();
        h = new NotifyHarness(dir.resolve("other"), (db, clock) -> charts(Runnable::run, db, clock));
        h.notifier.sink().pending(List.of(new PendingChange(KEY, h.clock.instant(), Leads.OUTAGE, null)));
        assertThat(asked).isEmpty();
    }
}
