package net.outageherald.detect;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import net.outageherald.model.Prefix;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link Reconciler}'s looks on the request pool, at most {@code max-in-flight} at once and one per
 * {@link Reconciler#pace()}, and wakes judging after each answer.
 */
public final class ReconcileLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReconcileLoop.class);
    private static final Duration IDLE = Duration.ofSeconds(1);

    private final Reconciler reconciler;
    private final ExecutorService pool;
    private final Semaphore inFlight;
    private final Runnable looked;
    private volatile boolean running;
    private Thread thread;

    public ReconcileLoop(Reconciler reconciler, ExecutorService pool, int maxInFlight, Runnable looked) {
        this.reconciler = reconciler;
        this.pool = pool;
        this.inFlight = new Semaphore(maxInFlight);
        this.looked = looked;
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "herald-reconcile");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        try {
            while (running) {
                Prefix p = reconciler.next();
                if (p == null) {
                    Thread.sleep(IDLE.toMillis()); // nothing due; the budget is not spent ahead of time
                    continue;
                }
                inFlight.acquire();
                try {
                    pool.execute(() -> lookAt(p));
                } catch (RejectedExecutionException e) {
                    inFlight.release();
                    return; // the pool is closed: we are stopping
                }
                Thread.sleep(reconciler.pace().toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void lookAt(Prefix p) {
        try {
            if (reconciler.look(p)) {
                looked.run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("looking at {} failed unexpectedly", p, e);
        } finally {
            inFlight.release();
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread = null;
        }
    }
}
