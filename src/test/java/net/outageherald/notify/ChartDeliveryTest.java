package net.outageherald.notify;

import static net.outageherald.testing.NotifyHarness.tg;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import net.outageherald.chart.ChartRequest;
import net.outageherald.chart.ChartResult;
import net.outageherald.chart.VisibilityChart;
import net.outageherald.model.Delivery;
import net.outageherald.model.SendReason;
import net.outageherald.model.Target;
import net.outageherald.outbox.SendResult;
import net.outageherald.store.VisibilityRepository;
import net.outageherald.testing.NotifyHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Charts through the whole delivery: drawn once per event however many chats hear of it, attached to the
 * outage and restoration messages only, and never in the way of the text (no history, a renderer that throws
 * or hangs).
 */
class ChartDeliveryTest {

    private static final Target AS1 = new Target.As(131279);
    private static final String KEY = "AS131279";

    @TempDir
    Path dir;
    private NotifyHarness h;
    private final ExecutorService drawing = Executors.newSingleThreadExecutor();
    private final AtomicInteger drawn = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void close() {
        release.countDown();
        drawing.shutdownNow();
        h.close();
    }

    private void open(Function<ChartRequest, ChartResult> renderer, Duration maxWait) {
        h = new NotifyHarness(dir, (db, clock) -> new EventCharts(db, r -> {
            drawn.incrementAndGet();
            return renderer.apply(r);
        }, drawing, Duration.ofDays(1), maxWait, clock));
    }

    /** A sample a minute for the last two hours, the last ten minutes dark. */
    private void history() {
        VisibilityRepository repo = new VisibilityRepository();
        h.db.inTransaction(tx -> {
            for (int m = 120; m >= 0; m--) {
                boolean dark = m <= 10;
                repo.record(tx, KEY, new VisibilityRepository.Sample(h.clock.instant().minusSeconds(60L * m),
                        dark ? 0 : 1, dark ? 0 : 300, 305));
            }
            return null;
        });
    }

    private void subscribe(int chats) {
        for (int i = 1; i <= chats; i++) {
            h.subscriptions.subscribe(tg(Integer.toString(i)), AS1);
        }
    }

    private static boolean hasChart(Delivery d) {
        return d.hasChart();
    }

    @Test
    void aFanOutToManyChatsDrawsTheChartOnceAndEveryOutageMessageCarriesIt() {
        open(new VisibilityChart()::render, Duration.ofSeconds(10));
        subscribe(40);
        history();

        h.outageStarted(KEY);
        h.drainAll(Duration.ofSeconds(1), 10);

        List<Delivery> sent = h.telegram.delivered();
        assertThat(sent).hasSize(40).allMatch(ChartDeliveryTest::hasChart);
        assertThat(drawn).hasValue(1);
        assertThat(sent.stream().map(Delivery::chart).distinct()).as("one PNG, shared").hasSize(1);
        byte[] png = sent.get(0).chart();
        assertThat(png[1]).isEqualTo((byte) 'P');
    }

    @Test
    void theChartOfACountryWatchedThroughIodaNamesIodaAndDrawsNoPeerLines() {
        java.util.concurrent.atomic.AtomicReference<ChartRequest> asked = new java.util.concurrent.atomic.AtomicReference<>();
        h = new NotifyHarness(dir, (db, clock) -> new EventCharts(db, r -> {
            asked.set(r);
            return new VisibilityChart().render(r);
        }, drawing, null, Duration.ofDays(1), Duration.ofSeconds(10), clock,
                key -> key.equals(KEY) ? java.util.Optional.of("source: IODA BGP signal") : java.util.Optional.empty()));
        subscribe(1);
        history();

        h.outageStarted(KEY);
        h.drainAll(Duration.ofSeconds(1), 10);

        assertThat(h.telegram.delivered()).hasSize(1).allMatch(ChartDeliveryTest::hasChart);
        assertThat(asked.get().source()).isEqualTo(net.outageherald.chart.ChartSource.IODA_SIGNAL);
        assertThat(asked.get().attribution()).isEqualTo("Data: IODA, Georgia Tech");
    }

    @Test
    void theChartOfATargetWatchedByItsPrefixesIsCreditedToRis() {
        java.util.concurrent.atomic.AtomicReference<ChartRequest> asked = new java.util.concurrent.atomic.AtomicReference<>();
        open(r -> {
            asked.set(r);
            return new VisibilityChart().render(r);
        }, Duration.ofSeconds(10));
        subscribe(1);
        history();

        h.outageStarted(KEY);
        h.drainAll(Duration.ofSeconds(1), 10);

        assertThat(asked.get().source()).isEqualTo(net.outageherald.chart.ChartSource.RIS);
        assertThat(asked.get().attribution()).isEqualTo("Data: RIPE NCC RIS");
    }

    @Test
    void theRestorationCarriesItsOwnChartAndTheEditNone() {
        open(new VisibilityChart()::render, Duration.ofSeconds(10));
        subscribe(3);
        history();
        long outage = h.outageStarted(KEY);
        h.drainAll(Duration.ofSeconds(1), 10);
        h.clock.advance(Duration.ofMinutes(30));

        h.restored(KEY, outage);
        h.drainAll(Duration.ofSeconds(1), 10);

        assertThat(drawn).as("one chart for the outage, one for the restoration").hasValue(2);
        List<Delivery> later = h.telegram.deliveredTo("1").subList(1, 3);
        assertThat(later.get(0).action()).isEqualTo(Delivery.Action.EDIT);
        assertThat(later.get(0).hasChart()).isFalse();
        assertThat(later.get(1).hasChart()).isTrue();
        assertThat(later.get(1).chart()).isNotSameAs(h.telegram.deliveredTo("1").get(0).chart());
    }

    @Test
    void aRetriedSendCarriesTheSameChartWithoutDrawingAgain() {
        open(new VisibilityChart()::render, Duration.ofSeconds(10));
        subscribe(1);
        history();
        h.telegram.answer("1", new SendResult.Retry("HTTP 502", null));

        h.outageStarted(KEY);
        h.drainAll(Duration.ofMinutes(5), 10);

        assertThat(h.telegram.attempts()).hasSize(2).allMatch(a -> a.delivery().hasChart());
        assertThat(h.telegram.delivered()).hasSize(1);
        assertThat(drawn).hasValue(1);
    }

    @Test
    void withoutHistoryTheTextGoesAloneAndTheOutboxIsAsWithoutCharts() {
        open(new VisibilityChart()::render, Duration.ofSeconds(10));
        subscribe(2);

        h.outageStarted(KEY);
        h.drainAll(Duration.ofSeconds(1), 10);

        assertThat(h.telegram.delivered()).hasSize(2).noneMatch(ChartDeliveryTest::hasChart);
        assertThat(h.outboxStates()).containsExactly("telegram:1 OUTAGE SENT", "telegram:2 OUTAGE SENT");
    }

    @Test
    void aRendererThatThrowsLeavesTheTextUnchanged() {
        open(r -> {
            throw new IllegalStateException("no fonts");
        }, Duration.ofSeconds(10));
        subscribe(2);
        history();

        h.outageStarted(KEY);
        h.drainAll(Duration.ofSeconds(1), 10);

        List<Delivery> sent = h.telegram.delivered();
        assertThat(sent).hasSize(2).noneMatch(ChartDeliveryTest::hasChart);
        assertThat(sent.get(0).message().headline()).isEqualTo(h.telegram.delivered().get(1).message().headline());
        assertThat(h.outboxStates()).containsOnly("telegram:1 OUTAGE SENT", "telegram:2 OUTAGE SENT");
    }

    @Test
    void aRendererThatHangsCostsTheTextNoMoreThanTheWait() throws Exception {
        open(r -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new ChartResult.NotDrawn(ChartResult.Reason.FAILED, "too late");
        }, Duration.ofMillis(200));
        subscribe(3);
        history();

        long started = System.nanoTime();
        h.outageStarted(KEY);
        h.drainAll(Duration.ofSeconds(1), 10);
        long tookMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(h.telegram.delivered()).hasSize(3).noneMatch(ChartDeliveryTest::hasChart);
        assertThat(drawn).as("still drawn once, not once per chat").hasValue(1);
        assertThat(tookMs).as("each send waited at most the 200 ms, not the renderer").isLessThan(5_000);
    }

    @Test
    void aHungDrawingCostsTheRowsOfItsEventOneWaitInAllNotOneEach() {
        EventCharts charts = new EventCharts(null, r -> {
            throw new AssertionError("never reached: the drawing thread is stuck");
        }, task -> { }, Duration.ofDays(1), Duration.ofMillis(400), java.time.Clock.systemUTC());
        long started = System.nanoTime();
        for (long chat = 1; chat <= 10; chat++) {
            var row = new net.outageherald.store.OutboxRow(chat, tg(Long.toString(chat)), Delivery.Action.SEND,
                    SendReason.OUTAGE, 5L, net.outageherald.model.Message.text(net.outageherald.model.Status.DOWN,
                    "x", ""), 0, Instant.now(), null, 9L, KEY);
            assertThat(charts.chartFor(row)).isEmpty();
        }
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(tookMs).as("ten rows of one event wait the 400 ms once, not 4 s").isLessThan(2_000);
        h = new NotifyHarness(dir);
    }

    @Test
    void stoppingDeliveryEndsTheChartsDrawingThread() throws Exception {
        AtomicInteger closed = new AtomicInteger();
        class Closing implements net.outageherald.outbox.Charts, AutoCloseable {
            @Override
            public java.util.Optional<byte[]> chartFor(net.outageherald.store.OutboxRow row) {
                return java.util.Optional.empty();
            }

            @Override
            public void close() {
                closed.incrementAndGet();
            }
        }
        h = new NotifyHarness(dir, (db, clock) -> new Closing());
        h.notifier.stop();
        assertThat(closed).as("the app's stop sequence stops the notifier; its charts thread must end too")
                .hasPositiveValue();

        // and EventCharts ends the thread it made: a row asked for afterwards goes as text at once
        var charts = (EventCharts) EventCharts.of(h.db, net.outageherald.chart.ChartsConfig.defaults(), h.clock);
        charts.close();
        var row = new net.outageherald.store.OutboxRow(1, tg("1"), Delivery.Action.SEND, SendReason.OUTAGE, 5L,
                net.outageherald.model.Message.text(net.outageherald.model.Status.DOWN, "x", ""), 0, Instant.now(),
                null, 9L, KEY);
        long started = System.nanoTime();
        assertThat(charts.chartFor(row)).isEmpty();
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(EventCharts.MAX_WAIT.toMillis());
    }

    private static net.outageherald.store.OutboxRow row(long event, Instant at) {
        return new net.outageherald.store.OutboxRow(event, tg("1"), Delivery.Action.SEND, SendReason.OUTAGE, event,
                net.outageherald.model.Message.text(net.outageherald.model.Status.DOWN, "x", ""), 0, at, null, event,
                KEY);
    }

    private static ChartResult.Png png() {
        return new ChartResult.Png(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, 800, 400);
    }

    @Test
    void aMassOutageOfThreeHundredEventsDrawsEachChartOnceAndNeverForgetsOneBeingDrawn() {
        h = new NotifyHarness(dir);
        java.util.List<Runnable> held = new java.util.ArrayList<>();
        EventCharts charts = new EventCharts(h.db, r -> {
            drawn.incrementAndGet();
            return png();
        }, task -> {
            if (held.isEmpty()) {
                held.add(task); // event 1's drawing is still under way while the 300 others are asked for
            } else {
                task.run();
            }
        }, Duration.ofDays(1), Duration.ZERO, h.clock);
        Instant at = h.clock.instant();
        assertThat(charts.chartFor(row(1, at))).isEmpty();
        for (long event = 2; event <= 301; event++) {
            assertThat(charts.chartFor(row(event, at))).isPresent();
        }
        held.get(0).run();
        for (long event = 301; event > 101; event--) { // the newest 200 of them are all still kept
            assertThat(charts.chartFor(row(event, at))).isPresent();
        }
        assertThat(charts.chartFor(row(1, at))).as("finished by the drawing under way, not drawn again").isPresent();
        assertThat(drawn).as("each event drawn once, none redrawn after an eviction").hasValue(301);
    }

    @Test
    void aDrawingThatNeverReturnsIsGivenUpAndTheEventsAfterItStillGetTheirCharts() {
        h = new NotifyHarness(dir);
        CountDownLatch never = new CountDownLatch(1);
        AtomicInteger threadsMade = new AtomicInteger();
        EventCharts charts = new EventCharts(h.db, r -> {
            if (drawn.incrementAndGet() == 1) {
                try {
                    never.await(); // hangs until interrupted
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return png();
        }, null, () -> {
            threadsMade.incrementAndGet();
            return EventCharts.drawingThread();
        }, Duration.ofDays(1), Duration.ofMillis(100), h.clock, key -> java.util.Optional.empty());
        try {
            Instant at = h.clock.instant();
            assertThat(charts.chartFor(row(1, at))).isEmpty();
            assertThat(charts.chartFor(row(2, at))).as("queued behind the hung drawing").isEmpty();

            h.clock.advance(EventCharts.MAX_DRAW.plusSeconds(1));
            charts.chartFor(row(3, at)); // a later event's ask finds the drawing hung and replaces its thread
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> charts.chartFor(row(3, at)).isPresent() && charts.chartFor(row(2, at)).isPresent());
            assertThat(charts.chartFor(row(1, at))).as("the hung one goes without a chart").isEmpty();
            assertThat(threadsMade).as("the hung drawing thread was replaced").hasValue(2);
        } finally {
            charts.close();
        }
    }

    @Test
    void onlyOutageAndRestorationRowsGetAChart() {
        EventCharts charts = new EventCharts(null, r -> {
            throw new AssertionError("not drawn");
        }, Runnable::run, Duration.ofDays(1), Duration.ofSeconds(1), java.time.Clock.systemUTC());
        for (SendReason reason : List.of(SendReason.CHANGE, SendReason.REMINDER, SendReason.MONITORING,
                SendReason.RESOLVED_EDIT)) {
            var row = new net.outageherald.store.OutboxRow(1, tg("1"), Delivery.Action.SEND, reason, 5L,
                    net.outageherald.model.Message.text(net.outageherald.model.Status.DOWN, "x", ""), 0, Instant.now(),
                    null, 9L, KEY);
            assertThat(charts.chartFor(row)).as(reason.name()).isEmpty();
        }
        h = new NotifyHarness(dir);
    }
}
