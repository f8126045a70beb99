package net.outageherald.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import io.micrometer.core.instrument.MeterRegistry;
import net.outageherald.detect.EventSink;
import net.outageherald.model.Destination;
import net.outageherald.model.Platform;
import net.outageherald.nflog.NotificationLog;
import net.outageherald.notify.message.HumanDurations;
import net.outageherald.notify.message.Messages;
import net.outageherald.outbox.Backoff;
import net.outageherald.outbox.Charts;
import net.outageherald.outbox.DeliveryWorker;
import net.outageherald.outbox.DestinationEvents;
import net.outageherald.outbox.NotifyConfig;
import net.outageherald.outbox.NotifyMetrics.Failure;
import net.outageherald.outbox.NotifyMetrics.GivenUp;
import net.outageherald.outbox.NotifyMetrics;
import net.outageherald.outbox.Outcomes;
import net.outageherald.outbox.PauseNotices;
import net.outageherald.outbox.RateLimiter;
import net.outageherald.outbox.Sender;
import net.outageherald.store.Database;
import net.outageherald.store.OutboxRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notification delivery, wired by hand: hand {@link #sink()} to the detector, {@link #subscriptions()}
 * gets its senders, the notification log and the subscription room from the composition root, then
 * {@link #start()}s the workers. Tests call {@link #drainOnce()} instead of starting threads.
 */
public final class Notifier implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

    private final NotifyConfig config;
    private final Database db;
    private final Clock clock;
    private final OutboxRepository outbox;
    private final NotificationLog log;
    private final NotifyMetrics metrics;
    private final Map<Platform, DeliveryWorker> workers = new EnumMap<>(Platform.class);
    private final FanOut fanOut;
    private final Reminders reminders;
    private final Charts charts;
    private final Warmup warmup;
    private ScheduledExecutorService maintenance;
    private boolean maintenanceFailing;

    /**
     * @param senders      one per platform that is configured; destinations on other platforms are left out
     * @param log          what was told to whom
     * @param destinations told when a platform says a destination is gone or moved
     */
    public Notifier(NotifyConfig config, Database db, Messages messages, List<Sender> senders, NotificationLog log,
                    DestinationEvents destinations, MeterRegistry registry, Clock clock) {
        this(config, db, messages, senders, log, destinations, registry, clock, Charts.NONE);
    }

    /**
     * @param charts the charts outage and restoration messages carry where the platform takes images, drawn at
     *               their first delivery
     */
    public Notifier(NotifyConfig config, Database db, Messages messages, List<Sender> senders, NotificationLog log,
                    DestinationEvents destinations, MeterRegistry registry, Clock clock, Charts charts) {
        this(config, db, messages, senders, log, destinations, registry, clock, charts, ChartPreparer.NONE);
    }

    /**
     * @param prepare draws the chart of an outage or restoration while it is being confirmed (for {@code charts}
     *                to find at delivery): {@link EventCharts#prepare} of the same charts, or
     *                {@link ChartPreparer#NONE}
     */
    public Notifier(NotifyConfig config, Database db, Messages messages, List<Sender> senders, NotificationLog log,
                    DestinationEvents destinations, MeterRegistry registry, Clock clock, Charts charts,
                    ChartPreparer prepare) {
        this.config = config;
        this.db = db;
        this.clock = clock;
        this.charts = charts;
        this.log = log;
        this.outbox = new OutboxRepository(db.isPostgres());
        this.metrics = new NotifyMetrics(registry, clock);
        List<Sender> all = List.copyOf(senders);
        String owner = UUID.randomUUID().toString();
        Backoff backoff = new Backoff(config.retryBase(), config.retryCap(), () -> ThreadLocalRandom.current().nextDouble());
        LinkedHashSet<Destination> operators = new LinkedHashSet<>();
        if (config.consoleEnabled()) {
            operators.add(Destination.console());
        }
        operators.addAll(config.operators());
        Set<Platform> deliverable = EnumSet.noneOf(Platform.class);
        for (Sender s : all) {
            if (!deliverable.add(s.platform())) {
                throw new IllegalArgumentException("two senders for " + s.platform().id());
            }
        }
        PauseNotices notices = new PauseNotices(operators.stream().filter(d -> deliverable.contains(d.platform()))
                .toList(), config.retryPaused(), config.maxMessageAge(), outbox);
        for (Sender s : all) {
            Platform p = s.platform();
            Outcomes outcomes = new Outcomes(p, outbox, log, destinations, backoff, config.retryPaused(), notices,
                    this::wake, metrics);
            RateLimiter limiter = new RateLimiter(config.limits(p).withSenderGlobal(s.globalRate()), s.chatKinds(),
                    clock);
            workers.put(p, new DeliveryWorker(s, db, outbox, outcomes, limiter, metrics, config, clock, owner, charts));
        }
        this.fanOut = new FanOut(messages, List.copyOf(operators), workers.keySet(), outbox, log, clock, this::wake,
                prepare);
        this.reminders = new Reminders(db, messages, outbox, log, workers.keySet(), config.reminderInterval(), clock);
        this.warmup = new Warmup(messages, all, clock);
    }

    /** For the detector: writes outbox rows in the event's transaction and wakes the workers after it. */
    public EventSink sink() {
        return fanOut;
    }

    /**
     * Starts the delivery workers and the maintenance timer (age limit, reminders, pruning, metrics), and warms
     * up the alert path in the background ({@link Warmup}). On SQLite the file belongs to this process, so rows a
     * crashed run had claimed are released at once.
     */
    public synchronized void start() {
        if (maintenance != null) {
            return;
        }
        if (!db.isPostgres()) {
            int released = db.inTransaction(outbox::releaseAll);
            if (released > 0) {
                LOG.info("Resuming {} messages that were being sent when the last run stopped", released);
            }
        }
        maintain();
        workers.values().forEach(DeliveryWorker::start);
        maintenance = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "herald-notify-maintenance");
            t.setDaemon(true);
            return t;
        });
        long period = config.pollInterval().toMillis();
        maintenance.scheduleWithFixedDelay(this::maintainSafely, period, period, TimeUnit.MILLISECONDS);
        warmup.start();
    }

    /** Stops the workers; sends in flight finish and are recorded. Then the charts' drawing thread ends. */
    public synchronized void stop() {
        if (maintenance != null) {
            maintenance.shutdownNow();
            maintenance = null;
            workers.values().forEach(DeliveryWorker::stop);
        }
        closeCharts();
    }

    @Override
    public void close() {
        stop();
    }

    private void closeCharts() {
        if (charts instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.debug("closing the charts: {}", e.toString());
            }
        }
    }

    /** Wakes the workers: new rows are waiting. */
    public void wake() {
        workers.values().forEach(DeliveryWorker::wake);
    }

    /**
     * Delivers, in the calling thread, everything due now that the rate limits allow, after dropping
     * rows past the age limit. Not to be mixed with {@link #start()}. Returns the rows dealt with.
     */
    public int drainOnce() {
        expire();
        int done = 0;
        int round;
        do {
            // again while anything moved: one platform's outcome may queue a notice for another's operators
            round = 0;
            for (DeliveryWorker w : workers.values()) {
                round += w.drainOnce();
            }
            done += round;
        } while (round > 0);
        refreshMetrics();
        return done;
    }

    /** Writes the reminders that are due (when reminders are on); returns how many. */
    public int enqueueReminders() {
        int n = reminders.enqueueDue();
        if (n > 0) {
            wake();
        }
        return n;
    }

    /** Pending messages per platform, straight from the database. */
    public Map<Platform, Long> pending() {
        Map<Platform, Long> out = new EnumMap<>(Platform.class);
        db.inTransaction(outbox::depth).forEach((p, d) -> out.put(p, d.pending()));
        return out;
    }

    /** The age limit, reminders, pruning of old rows and the depth metrics, once. */
    public void maintain() {
        expire();
        enqueueReminders();
        Instant before = clock.instant().minus(config.keepDelivered());
        db.inTransaction(tx -> outbox.prune(tx, before) + log.prune(tx, before));
        refreshMetrics();
    }

    private void maintainSafely() {
        try {
            maintain();
            if (maintenanceFailing) {
                LOG.info("Notification maintenance works again");
                maintenanceFailing = false;
            }
        } catch (RuntimeException e) {
            if (!maintenanceFailing) {
                LOG.error("Notification maintenance failed; retrying every {}", config.pollInterval(), e);
                maintenanceFailing = true;
            }
        }
    }

    private void expire() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(config.maxMessageAge());
        for (Platform p : Platform.values()) {
            OutboxRepository.Dropped d = db.inTransaction(tx -> outbox.dropExpired(tx, p, cutoff, now));
            if (d.rows() > 0) {
                metrics.failed(p, Failure.EXPIRED, d.rows());
                metrics.givenUp(p, GivenUp.EXPIRED, d.rows());
                LOG.warn("Dropped {} {} messages to {} destinations, not delivered within max-message-age {}"
                        + " (oldest written {}): too late to be news", d.rows(), p.id(), d.destinations(),
                        HumanDurations.human(config.maxMessageAge()), d.oldestCreatedAt());
            }
        }
    }

    private void refreshMetrics() {
        metrics.refresh(db.inTransaction(outbox::depth));
    }
}
