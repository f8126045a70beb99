package net.outageherald.outbox;

import net.outageherald.model.Delivery;
import net.outageherald.store.OutboxRepository;
import net.outageherald.store.OutboxRow;
import net.outageherald.model.Platform;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.outageherald.outbox.NotifyMetrics.Failure;
import net.outageherald.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one platform's outbox rows: claims the heads of the destinations' queues (so a restoration
 * never overtakes its outage), waits for the rate limiter, sends, and records the outcome. Runs either
 * synchronously ({@link #drainOnce()}, for tests and tools) or as a dispatcher thread feeding
 * {@code concurrency} senders ({@link #start()}).
 */
public final class DeliveryWorker {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final Duration MIN_IDLE = Duration.ofMillis(10);

    private final Platform platform;
    private final Sender sender;
    private final Database db;
    private final OutboxRepository outbox;
    private final Outcomes outcomes;
    private final RateLimiter limiter;
    private final NotifyMetrics metrics;
    private final Clock clock;
    private final Duration lease;
    private final Duration pollInterval;
    private final int concurrency;
    private final String owner;
    private final Waker waker = new Waker();

    private volatile boolean running;
    private Thread dispatcher;
    private ExecutorService senders;
    private Semaphore inFlight;

    public DeliveryWorker(Sender sender, Database db, OutboxRepository outbox, Outcomes outcomes, RateLimiter limiter,
                   NotifyMetrics metrics, NotifyConfig config, Clock clock, String owner) {
        this.platform = sender.platform();
        this.sender = sender;
        this.db = db;
        this.outbox = outbox;
        this.outcomes = outcomes;
        this.limiter = limiter;
        this.metrics = metrics;
        this.clock = clock;
        this.lease = config.claimLease();
        this.pollInterval = config.pollInterval();
        this.concurrency = config.limits(platform).concurrency();
        this.owner = owner;
    }

    /** Delivers, in the calling thread, everything that is due now and allowed by the rate limits. */
    public int drainOnce() {
        int total = 0;
        int progress;
        do {
            progress = pass(false);
            total += progress;
        } while (progress > 0);
        return total;
    }

    public void wake() {
        waker.wake();
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        inFlight = new Semaphore(concurrency);
        AtomicInteger n = new AtomicInteger();
        senders = Executors.newFixedThreadPool(concurrency, r -> daemon(r, "herald-send-" + platform.id() + "-" + n.incrementAndGet()));
        dispatcher = daemon(this::loop, "herald-deliver-" + platform.id());
        dispatcher.start();
    }

    /** Stops taking rows, lets sends in flight finish and record, and gives back what it still held. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        waker.wake();
        try {
            dispatcher.join(TimeUnit.SECONDS.toMillis(30));
            senders.shutdown();
            if (!senders.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("{}: sends still in flight after 30 s; they are resent after a restart", platform.id());
                senders.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        db.inTransaction(tx -> outbox.releaseOwned(tx, owner));
    }

    private void loop() {
        while (running) {
            try {
                if (pass(true) == 0) {
                    waker.await(idleWait());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("{}: delivery pass failed, trying again in {}", platform.id(), pollInterval, e);
                try {
                    waker.await(pollInterval);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * One claim and its rows. Returns how many rows were dealt with (sent, handed to a sender thread,
     * skipped or deferred); 0 means nothing can go now.
     */
    private int pass(boolean threaded) {
        Instant claimedAt = clock.instant();
        int batch = threaded ? Math.max(16, concurrency * 4) : 100;
        List<OutboxRow> rows = db.inTransaction(tx -> outbox.claim(tx, platform, batch, claimedAt,
                claimedAt.plus(lease), owner));
        int done = 0;
        for (int i = 0; i < rows.size(); i++) {
            OutboxRow row = rows.get(i);
            if (threaded && (!running || leaseRunningOut(claimedAt))) {
                // stopping, or slow sends aged our claim: give the rest back before anyone else may take them
                release(rows.subList(i, rows.size()));
                return done;
            }
            Delivery delivery = row.delivery();
            if (delivery == null) {
                outcomes.skip(row, clock.instant());
                done++;
                continue;
            }
            RateLimiter.Permit permit = limiter.tryAcquire(row.destination());
            while (!permit.granted() && permit.global() && threaded && running && !leaseRunningOut(claimedAt)) {
                park(permit.delay());
                permit = limiter.tryAcquire(row.destination());
            }
            if (!permit.granted() && !permit.global()) {
                // this destination's own limit: the others may go meanwhile
                defer(row, permit.delay());
                done++;
                continue;
            }
            if (!permit.granted()) {
                // the platform's limit (or stopping, or our claim ageing): give back the rest untouched
                release(rows.subList(i, rows.size()));
                return done;
            }
            if (threaded) {
                handOver(row, delivery);
            } else {
                deliver(row, delivery);
            }
            done++;
        }
        return done;
    }

    private void release(List<OutboxRow> rest) {
        List<Long> ids = rest.stream().map(OutboxRow::id).toList();
        db.inTransaction(tx -> {
            outbox.release(tx, ids);
            return null;
        });
    }

    private void handOver(OutboxRow row, Delivery delivery) {
        inFlight.acquireUninterruptibly();
        try {
            senders.execute(() -> {
                try {
                    deliver(row, delivery);
                } catch (RuntimeException e) {
                    LOG.error("{}: could not record the outcome of outbox row {}; it is resent after its claim"
                            + " expires", platform.id(), row.id(), e);
                } finally {
                    inFlight.release();
                    waker.wake();
                }
            });
        } catch (RuntimeException e) {
            inFlight.release();
            throw e;
        }
    }

    private void deliver(OutboxRow row, Delivery delivery) {
        SendResult result;
        try {
            result = sender.send(delivery);
            if (result == null) {
                result = new SendResult.Retry("the sender returned no result", null);
            }
        } catch (RuntimeException e) {
            metrics.failed(platform, Failure.ERROR, 1);
            result = new SendResult.Retry("the sender threw " + e, null);
        }
        outcomes.record(row, result, clock.instant());
    }

    private void defer(OutboxRow row, Duration wait) {
        long millis = Math.max(1, (wait.toNanos() + 999_999) / 1_000_000);
        Instant at = clock.instant().plusMillis(millis);
        db.inTransaction(tx -> {
            outbox.reschedule(tx, row.id(), row.attempts(), at, null);
            return null;
        });
    }

    private boolean leaseRunningOut(Instant claimedAt) {
        return clock.instant().isAfter(claimedAt.plus(lease.dividedBy(2)));
    }

    private void park(Duration wait) {
        try {
            waker.await(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private Duration idleWait() {
        Instant next = db.inTransaction(tx -> outbox.nextDue(tx, platform));
        if (next == null) {
            return pollInterval;
        }
        Duration until = Duration.between(clock.instant(), next);
        if (until.compareTo(MIN_IDLE) < 0) {
            return MIN_IDLE;
        }
        return until.compareTo(pollInterval) < 0 ? until : pollInterval;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
