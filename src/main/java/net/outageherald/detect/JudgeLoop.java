package net.outageherald.detect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link TableJudge} rounds on its own thread as soon as the table changed (a short gather, so a burst
 * of a hundred withdrawals is one round) or when a confirmation falls due, so that a confirmed outage is
 * told within milliseconds of its confirmation window, not at the next poll.
 */
public final class JudgeLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JudgeLoop.class);
    /**
     * How long changes are gathered before a round: bursts of updates arrive within a few ms. Not when a
     * confirmation is due: that round runs at once.
     */
    static final Duration GATHER = Duration.ofMillis(5);

    private final TableJudge judge;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signal = lock.newCondition();
    private boolean changed;
    private volatile boolean running;
    private volatile Instant lastRound;
    private Thread thread;
    private boolean failing;

    public JudgeLoop(TableJudge judge, Clock clock) {
        this.judge = judge;
        this.clock = clock;
    }

    /** The table changed: a round runs soon. Cheap; called on the stream's reader thread. */
    public void wake() {
        lock.lock();
        try {
            changed = true;
            signal.signal();
        } finally {
            lock.unlock();
        }
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "herald-judge");
        thread.setDaemon(true);
        thread.start();
    }

    /** When the last round finished, for health checks; empty before the first. */
    public Optional<Instant> lastRound() {
        return Optional.ofNullable(lastRound);
    }

    private void loop() {
        Instant next = clock.instant();
        while (running) {
            try {
                awaitWork(next);
                if (!running) {
                    return;
                }
                next = judge.round();
                lastRound = clock.instant();
                if (failing) {
                    LOG.info("Judging the routing table works again");
                    failing = false;
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!failing) {
                    LOG.error("A judging round failed; trying again in a second", e);
                    failing = true;
                }
                next = clock.instant().plusSeconds(1);
            }
        }
    }

    /** Waits until the table changed (then gathers a moment) or {@code next} came. */
    private void awaitWork(Instant next) throws InterruptedException {
        lock.lock();
        try {
            while (running && !changed) {
                // to the nanosecond: a round a fraction of a millisecond early would find its deadline not come
                long waitNanos = Duration.between(clock.instant(), next).toNanos();
                if (waitNanos <= 0) {
                    break;
                }
                signal.awaitNanos(waitNanos);
            }
            // a confirmation due now is not held up by gathering the changes that came with it
            boolean gather = changed && clock.instant().isBefore(next);
            changed = false;
            if (gather) {
                lock.unlock();
                try {
                    Thread.sleep(GATHER.toMillis()); // let the rest of a burst arrive; not a test waiting
                } finally {
                    lock.lock();
                }
                changed = false;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Stops the loop, waiting at most a second for a round in progress to end. */
    @Override
    public void close() {
        close(Duration.ofSeconds(1));
    }

    /**
     * Stops the loop: the thread is told at once and waited for only as long as a round in progress needs,
     * at most {@code within} (what is left of the stop sequence's deadline).
     *
     * @return true if the loop's thread has ended
     */
    public synchronized boolean close(Duration within) {
        running = false;
        wake();
        Thread t = thread;
        thread = null;
        if (t == null) {
            return true;
        }
        t.interrupt();
        try {
            t.join(Math.max(1, within.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !t.isAlive();
    }
}
