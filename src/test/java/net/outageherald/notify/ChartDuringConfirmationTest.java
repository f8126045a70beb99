package net.outageherald.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.outageherald.chart.ChartRequest;
import net.outageherald.chart.ChartResult;
import net.outageherald.detect.Detector;
import net.outageherald.model.Delivery;
import net.outageherald.model.EventType;
import net.outageherald.model.Platform;
import net.outageherald.model.Target;
import net.outageherald.nflog.NotificationLog;
import net.outageherald.store.Database;
import net.outageherald.store.NotificationLogRepository;
import net.outageherald.subscribe.SubscriptionService;
import net.outageherald.testing.FakeMessages;
import net.outageherald.testing.MutableClock;
import net.outageherald.testing.NotifyHarness;
import net.outageherald.testing.OnePrefixTarget;
import net.outageherald.testing.RecordingSender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Detection to delivery with {@code confirm-for: 60s}: the chart is drawn while the outage (and then its
 * restoration) is being confirmed, so its message goes out at the confirmation with the chart, however long the
 * drawing took within the window. The renderer here finishes only when the test lets it: a drawing started at
 * delivery would never finish, and its message would go without the chart after the wait.
 */
class ChartDuringConfirmationTest {

    private static final String KEY = "AS131279";
    private static final Duration MAX_WAIT = Duration.ofSeconds(2);

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(NotifyHarness.T0);
    private final RecordingSender telegram = new RecordingSender(Platform.TELEGRAM).takingCharts();
    /** Released once for each drawing begun; each drawing takes one permit (its "500 ms") to finish. */
    private final Semaphore begun = new Semaphore(0);
    private final Semaphore mayFinish = new Semaphore(0);
    private final AtomicInteger finished = new AtomicInteger();
    private Database db;
    private EventCharts charts;
    private Notifier notifier;
    private OnePrefixTarget target;

    private ChartResult render(ChartRequest r) {
        begun.release();
        try {
            if (!mayFinish.tryAcquire(10, TimeUnit.SECONDS)) {
                return new ChartResult.NotDrawn(ChartResult.Reason.FAILED, "never let finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ChartResult.NotDrawn(ChartResult.Reason.FAILED, "interrupted");
        }
        int n = finished.incrementAndGet();
        return new ChartResult.Png(new byte[] {(byte) 0x89, 'P', 'N', 'G', (byte) n}, 800, 400);
    }

    @BeforeEach
    void wire() {
        db = Database.open("jdbc:sqlite:" + dir.resolve("herald.db"), null, null, 4);
        charts = new EventCharts(db, this::render, null, EventCharts::drawingThread, Duration.ofDays(1), MAX_WAIT,
                clock, key -> Optional.empty());
        NotificationLog told = new NotificationLogRepository();
        SubscriptionService subscriptions = new SubscriptionService(db, told, 100, clock);
        notifier = new Notifier(NotifyHarness.unlimited(), db, new FakeMessages(), List.of(telegram), told,
                subscriptions, new SimpleMeterRegistry(), clock, charts, charts::prepare);
        Detector detector = new Detector(OnePrefixTarget.detection("confirm-after: 1, confirm-for: 60s"), db,
                notifier.sink(), clock);
        target = new OnePrefixTarget(db, detector, clock, KEY);
        subscriptions.subscribe(NotifyHarness.tg("1"), new Target.As(131279));
        target.seenBy(10); // UP, silently
    }

    @AfterEach
    void close() {
        mayFinish.release(100);
        notifier.close();
        db.close();
    }

    @Test
    void theOutageAndItsRestorationGoOutAtTheirConfirmationWithTheChartsDrawnMeanwhile() throws Exception {
        // WHEN the target goes dark: the chart is being drawn while the outage is being confirmed
        clock.advance(Duration.ofSeconds(10));
        assertThat(target.seenBy(0)).isEmpty();
        assertThat(begun.tryAcquire(5, TimeUnit.SECONDS)).as("drawing began with the streak").isTrue();
        clock.advance(Duration.ofSeconds(30));
        target.seenBy(0);
        mayFinish.release(); // the drawing ends within the window
        await().atMost(Duration.ofSeconds(5)).until(() -> finished.get() == 1);

        // WHEN it is confirmed after confirm-for
        clock.advance(Duration.ofSeconds(31));
        assertThat(target.seenBy(0)).extracting(e -> e.type()).containsExactly(EventType.OUTAGE_STARTED);
        long started = System.nanoTime();
        notifier.drainOnce();
        long tookMs = (System.nanoTime() - started) / 1_000_000;

        // THEN the message goes at once, with the chart drawn during the window, and nothing is drawn again
        assertThat(telegram.delivered()).hasSize(1).allMatch(Delivery::hasChart);
        assertThat(telegram.delivered().get(0).chart()[4]).isEqualTo((byte) 1);
        assertThat(tookMs).as("no wait for a chart").isLessThan(MAX_WAIT.toMillis());
        assertThat(begun.availablePermits()).as("no drawing at delivery").isZero();

        // WHEN it comes back: the restoration's chart is drawn while the restoration is being confirmed
        clock.advance(Duration.ofMinutes(5));
        assertThat(target.seenBy(10)).isEmpty();
        assertThat(begun.tryAcquire(5, TimeUnit.SECONDS)).isTrue();
        mayFinish.release();
        await().atMost(Duration.ofSeconds(5)).until(() -> finished.get() == 2);
        clock.advance(Duration.ofSeconds(61));
        assertThat(target.seenBy(10)).extracting(e -> e.type()).containsExactly(EventType.RESTORED);
        notifier.drainOnce();

        // THEN the restoration carries its own chart, the edit none
        List<Delivery> later = telegram.delivered().subList(1, telegram.delivered().size());
        assertThat(later).extracting(Delivery::action).containsExactlyInAnyOrder(Delivery.Action.EDIT,
                Delivery.Action.SEND);
        Delivery restoration = later.stream().filter(d -> d.action() == Delivery.Action.SEND).findFirst()
                .orElseThrow();
        assertThat(restoration.hasChart()).isTrue();
        assertThat(restoration.chart()[4]).isEqualTo((byte) 2);
        assertThat(begun.availablePermits()).isZero();
    }
}
