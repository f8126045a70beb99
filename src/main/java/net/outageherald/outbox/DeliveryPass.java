package net.outageherald.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import net.outageherald.model.Delivery;
import net.outageherald.model.Platform;
import net.outageherald.outbox.NotifyMetrics.Failure;
import net.outageherald.store.Database;
import net.outageherald.store.OutboxRepository;
import net.outageherald.store.OutboxRow;

/**
 * One platform's delivery pass, the same for the worker's threads and for a caller that drains in its own
 * thread: claims the heads of the destinations' queues (so a restoration never overtakes its outage), takes
 * a rate-limit permit and a send slot for each, and hands the send to an {@link Executor}, which runs it on a
 * sender thread or, given {@code Runnable::run}, right here. Each send's outcome goes to the
 * {@link OutcomeWriter}, and its slot is free again once that is committed. Rows the platform's global limit
 * holds back stay claimed for the next pass, until the claim is half gone.
 */
final class DeliveryPass {

    /**
     * What a pass did: rows dealt with, and how long until the global limit lets the next go (or null).
     * {@code settled}: the pass's claim took every row that was due and each of them went to a send, whose
     * outcome wakes the worker if a row comes due through it, so nothing is due before {@code nextDue} (null:
     * nothing pending) unless a wake says so: the worker need not claim again at once, only to find nothing.
     */
    record Result(int done, Duration blockedFor, boolean settled, Instant nextDue) {
        Result(int done, Duration blockedFor) {
            this(done, blockedFor, false, null);
        }
    }

    private static final Runnable NOTHING = () -> { };

    private final Platform platform;
    private final Sender sender;
    private final Database db;
    private final OutboxRepository outbox;
    private final OutcomeWriter writer;
    private final RateLimiter limiter;
    private final NotifyMetrics metrics;
    private final Clock clock;
    private final Duration lease;
    private final int batch;
    private final String owner;
    private final Semaphore slots;
    private final Charts charts;
    private final Deque<OutboxRow> held = new ArrayDeque<>();
    private Instant claimedAt = Instant.MIN;
    /** When the last claim took all that was due: the next head's due time then (null: none pending). */
    private Instant nextDueAtClaim;
    private volatile boolean stopping;

    /**
     * @param concurrency sends in flight at once, counted until their outcome is committed
     * @param writer      writes the outcomes, and wakes the worker when a row may have come due through them
     */
    DeliveryPass(Sender sender, Database db, OutboxRepository outbox, OutcomeWriter writer, RateLimiter limiter,
                 NotifyMetrics metrics, Clock clock, Duration lease, int concurrency, String owner, Charts charts) {
        this.charts = sender.sendsCharts() ? charts : Charts.NONE;
        this.platform = sender.platform();
        this.sender = sender;
        this.db = db;
        this.outbox = outbox;
        this.writer = writer;
        this.limiter = limiter;
        this.metrics = metrics;
        this.clock = clock;
        this.lease = lease;
        this.batch = Math.max(16, concurrency * 4);
        this.owner = owner;
        this.slots = new Semaphore(concurrency);
    }

    /** One claim (or what the last pass held back) and its rows, sends handed to {@code sends}. */
    Result run(Executor sends) {
        // every row of a claim that took all that was due went to a send: nothing waits but what a wake will tell
        boolean onlySends = held.isEmpty() && !stopping && claim();
        int done = 0;
        while (!held.isEmpty()) {
            if (stopping || leaseRunningOut()) {
                // stopping, or slow sends aged our claim: give the rest back before anyone else may take them
                releaseHeld();
                onlySends = false;
                break;
            }
            OutboxRow row = held.peekFirst();
            Delivery delivery = row.delivery();
            if (delivery == null) {
                held.pollFirst();
                writer.hand(new Outcome.Skipped(row, clock.instant()), NOTHING);
                done++;
                onlySends = false; // the row behind it comes due when this is written, and nothing wakes for it
                continue;
            }
            RateLimiter.Permit permit = limiter.tryAcquire(row.destination());
            if (!permit.granted() && !permit.global()) {
                // this destination's own limit: the others may go meanwhile
                held.pollFirst();
                writer.hand(new Outcome.Deferred(row, until(permit.delay())), NOTHING);
                done++;
                onlySends = false;
                continue;
            }
            if (!permit.granted()) {
                return new Result(done, permit.delay()); // the platform's limit: the rest wait here
            }
            held.pollFirst();
            send(row, delivery, sends);
            done++;
        }
        return new Result(done, null, onlySends, onlySends ? nextDueAtClaim : null);
    }

    /** Gives back the rows held for the next pass. */
    void releaseHeld() {
        if (held.isEmpty()) {
            return;
        }
        List<Long> ids = held.stream().map(OutboxRow::id).toList();
        held.clear();
        db.inTransaction(tx -> {
            outbox.release(tx, ids);
            return null;
        });
    }

    void stopping(boolean value) {
        stopping = value;
    }

    /**
     * Claims what is due; when that is less than a batch, the same transaction also reads when the next head
     * comes due, so that an idle worker knows how long to sleep without another transaction.
     *
     * @return whether the claim took all that was due (then {@link #nextDueAtClaim} is set)
     */
    private boolean claim() {
        claimedAt = clock.instant();
        nextDueAtClaim = null;
        List<OutboxRow> rows = db.inTransaction(tx -> {
            List<OutboxRow> due = outbox.claim(tx, platform, batch, claimedAt, claimedAt.plus(lease), owner);
            if (due.size() < batch) {
                nextDueAtClaim = outbox.nextDue(tx, platform);
            }
            return due;
        });
        held.addAll(rows);
        return rows.size() < batch;
    }

    private void send(OutboxRow row, Delivery delivery, Executor sends) {
        slots.acquireUninterruptibly();
        try {
            // the chart is looked up here, on the sender's thread: a slow drawing holds up no other row
            sends.execute(() -> writer.hand(new Outcome.Answered(row, attempt(withChart(row, delivery)),
                    clock.instant()), slots::release));
        } catch (RuntimeException e) {
            slots.release();
            throw e;
        }
    }

    /** The delivery with its chart, when it has one that can be drawn; the text alone otherwise. */
    private Delivery withChart(OutboxRow row, Delivery delivery) {
        if (delivery.action() != Delivery.Action.SEND || charts == Charts.NONE) {
            return delivery;
        }
        try {
            return charts.chartFor(row).map(delivery::withChart).orElse(delivery);
        } catch (RuntimeException e) {
            return delivery; // a chart never holds back its message
        }
    }

    private SendResult attempt(Delivery delivery) {
        try {
            SendResult result = sender.send(delivery);
            return result != null ? result : new SendResult.Retry("the sender returned no result", null);
        } catch (RuntimeException e) {
            metrics.failed(platform, Failure.ERROR, 1);
            return new SendResult.Retry("the sender threw " + e, null);
        }
    }

    private Instant until(Duration wait) {
        long millis = Math.max(1, (wait.toNanos() + 999_999) / 1_000_000);
        return clock.instant().plusMillis(millis);
    }

    private boolean leaseRunningOut() {
        return clock.instant().isAfter(claimedAt.plus(lease.dividedBy(2)));
    }
}
