package net.outageherald.outbox;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Lets a worker sleep until there may be work: a new event, a finished send, or a timeout. */
final class Waker {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signal = lock.newCondition();
    private boolean woken;

    void wake() {
        lock.lock();
        try {
            woken = true;
            signal.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits up to {@code max}, returning early if woken since the last wait. */
    void await(Duration max) throws InterruptedException {
        lock.lock();
        try {
            long nanos = max.toNanos();
            while (!woken && nanos > 0) {
                nanos = signal.awaitNanos(nanos);
            }
            woken = false;
        } finally {
            lock.unlock();
        }
    }
}
