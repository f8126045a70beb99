package net.outageherald.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import net.outageherald.model.Platform;
import net.outageherald.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes outcomes in batches, one transaction each (group commit): the thread that hands one in while no
 * batch is being written writes every outcome waiting; one handed in meanwhile is left to that writer, which
 * looks again before it lets go. A batch is as big as what finished while the last one was written, so a quiet
 * platform writes one row at a time and a busy one a few per commit, with no timer holding anything back.
 * Each outcome's {@code written} callback runs once it is committed (or could not be), which is when a send
 * gives back its slot: a crash can repeat only the sends in flight, however the batches fall.
 */
final class OutcomeWriter {

    private static final Logger LOG = LoggerFactory.getLogger(OutcomeWriter.class);

    private record Entry(Outcome outcome, Runnable written) {
    }

    private final ConcurrentLinkedQueue<Entry> waiting = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writing = new ReentrantLock();
    private final Platform platform;
    private final Database db;
    private final Outcomes outcomes;
    private final int maxBatch;
    private final Runnable moreDue;

    /** @param moreDue called after a batch through which a row may have come due (the worker wakes) */
    OutcomeWriter(Platform platform, Database db, Outcomes outcomes, int maxBatch, Runnable moreDue) {
        this.moreDue = moreDue;
        this.platform = platform;
        this.db = db;
        this.outcomes = outcomes;
        this.maxBatch = maxBatch;
    }

    /** Hands in an outcome; returns once it is written, here or by the thread writing a batch now. */
    void hand(Outcome outcome, Runnable written) {
        waiting.add(new Entry(outcome, written));
        // an entry added while another thread writes is seen by that thread's check after it unlocks
        while (!waiting.isEmpty() && writing.tryLock()) {
            try {
                List<Entry> batch = new ArrayList<>();
                Entry e;
                while (batch.size() < maxBatch && (e = waiting.poll()) != null) {
                    batch.add(e);
                }
                if (!batch.isEmpty()) {
                    write(batch);
                }
            } finally {
                writing.unlock();
            }
        }
    }

    private void write(List<Entry> batch) {
        boolean wake = true;
        try {
            List<Outcome> all = batch.stream().map(Entry::outcome).toList();
            Outcomes.Written written = db.inTransaction(tx -> outcomes.write(tx, all, !db.isPostgres()));
            written.effects().forEach(Runnable::run);
            wake = written.moreDue();
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                failed(batch.get(0), e);
            } else {
                // one row that cannot be written must not take its batch with it
                for (Entry one : batch) {
                    try {
                        db.inTransaction(tx -> outcomes.write(tx, List.of(one.outcome()), false)).effects().forEach(Runnable::run);
                    } catch (RuntimeException again) {
                        failed(one, again);
                    }
                }
            }
        } finally {
            batch.forEach(e -> e.written().run());
            if (wake) {
                moreDue.run();
            }
        }
    }

    private void failed(Entry entry, RuntimeException e) {
        LOG.error("{}: could not record the outcome of outbox row {}; it is resent after its claim expires",
                platform.id(), entry.outcome().row().id(), e);
    }
}
