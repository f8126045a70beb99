package net.outageherald.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.outageherald.model.Platform;
import net.outageherald.store.Database;
import net.outageherald.store.OutboxRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one platform's outbox rows by running {@link DeliveryPass}es: as a dispatcher thread feeding
 * {@code concurrency} sender threads ({@link #start()}), or in the caller's thread with sends run where they
 * are handed over ({@link #drainOnce()}, for tests and tools). Both run the same pass; only the threads
 * differ, as OkHttp's synchronous and asynchronous calls share one interceptor chain.
 */
public final class DeliveryWorker {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final Duration MIN_IDLE = Duration.ofMillis(10);

    private final Platform platform;
    private final Database db;
    private final OutboxRepository outbox;
    private final Clock clock;
    private final Duration pollInterval;
    private final int concurrency;
    private final String owner;
    private final Waker waker = new Waker();
    private final DeliveryPass pass;

    private volatile boolean running;
    private Thread dispatcher;
    private ExecutorService senders;

    public DeliveryWorker(Sender sender, Database db, OutboxRepository outbox, Outcomes outcomes, RateLimiter limiter,
                          NotifyMetrics metrics, NotifyConfig config, Clock clock, String owner) {
        this(sender, db, outbox, outcomes, limiter, metrics, config, clock, owner, Charts.NONE);
    }

    /** @param charts the charts new messages carry where the platform takes them */
    public DeliveryWorker(Sender sender, Database db, OutboxRepository outbox, Outcomes outcomes, RateLimiter limiter,
                          NotifyMetrics metrics, NotifyConfig config, Clock clock, String owner, Charts charts) {
        this.platform = sender.platform();
        this.db = db;
        this.outbox = outbox;
        this.clock = clock;
        this.pollInterval = config.pollInterval();
        this.concurrency = config.limits(platform).concurrency();
        this.owner = owner;
        // a batch holds at most what finished while the last was written: the sends in flight and some skips
        OutcomeWriter writer = new OutcomeWriter(platform, db, outcomes, Math.max(64, concurrency * 4), waker::wake);
        this.pass = new DeliveryPass(sender, db, outbox, writer, limiter, metrics, clock, config.claimLease(),
                concurrency, owner, charts);
    }

    /**
     * Delivers, in the calling thread, everything that is due now and allowed by the rate limits; what the
     * platform's limit holds back is given back, for a later call (the caller's clock says when).
     */
    public int drainOnce() {
        int total = 0;
        DeliveryPass.Result r;
        do {
            r = pass.run(Runnable::run);
            total += r.done();
        } while (r.done() > 0);
        pass.releaseHeld();
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
        pass.stopping(false);
        AtomicInteger n = new AtomicInteger();
        // one thread more than sends in flight: the thread writing a batch of outcomes is not sending meanwhile
        senders = Executors.newFixedThreadPool(concurrency + 1, r -> daemon(r, "herald-send-" + platform.id() + "-"
                + n.incrementAndGet()));
        dispatcher = daemon(this::loop, "herald-deliver-" + platform.id());
        dispatcher.start();
    }

    /** Stops taking rows, lets sends in flight finish and record, and gives back what it still held. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        pass.stopping(true);
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
                DeliveryPass.Result r = pass.run(senders);
                if (r.blockedFor() != null) {
                    waker.await(r.blockedFor());
                } else if (r.settled()) {
                    // the claim took all that was due and read when the next comes due: no second look needed
                    waker.await(idleWait(r.nextDue()));
                } else if (r.done() == 0) {
                    waker.await(idleWait(db.inTransaction(tx -> outbox.nextDue(tx, platform))));
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
        try {
            pass.releaseHeld();
        } catch (RuntimeException e) {
            LOG.warn("{}: could not give back the rows held at stop; they return when their claim ends", platform.id(), e);
        }
    }

    private Duration idleWait(Instant next) {
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
