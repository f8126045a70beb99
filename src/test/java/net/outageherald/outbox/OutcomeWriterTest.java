package net.outageherald.outbox;

import static net.outageherald.testing.NotifyHarness.tg;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import net.outageherald.model.Delivery;
import net.outageherald.model.Destination;
import net.outageherald.model.Message;
import net.outageherald.model.Platform;
import net.outageherald.model.SendReason;
import net.outageherald.model.Status;
import net.outageherald.store.Database;
import net.outageherald.store.NotificationLogRepository;
import net.outageherald.store.OutboxRepository;
import net.outageherald.store.OutboxRow;
import net.outageherald.testing.MutableClock;
import net.outageherald.testing.NotifyHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outcomes are written in batches, and a send counts as in flight until its outcome is committed. */
class OutcomeWriterTest {

    @TempDir
    Path dir;
    private Database db;
    private final BlockingEnds ends = new BlockingEnds();
    private OutcomeWriter writer;
    private final List<Long> written = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() {
        db = Database.open("jdbc:sqlite:" + dir.resolve("t.db"), null, null, 4);
        MutableClock clock = new MutableClock(NotifyHarness.T0);
        OutboxRepository outbox = new OutboxRepository(false);
        Outcomes outcomes = new Outcomes(Platform.TELEGRAM, outbox, new NotificationLogRepository(), ends,
                new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), () -> 0.5), Duration.ofMinutes(10),
                new PauseNotices(List.of(), Duration.ofMinutes(10), Duration.ofHours(6), outbox), () -> { },
                new NotifyMetrics(new SimpleMeterRegistry(), clock));
        writer = new OutcomeWriter(Platform.TELEGRAM, db, outcomes, 64, () -> { });
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void outcomesHandedInWhileABatchIsWrittenGoTogetherInTheNextTransaction() throws Exception {
        // GIVEN a batch being written, held up inside its transaction
        Thread first = handInFrom(1);
        assertThat(ends.entered.await(10, TimeUnit.SECONDS)).isTrue();

        // WHEN two more outcomes are handed in meanwhile, each from its own sender thread
        Thread second = handInFrom(2);
        Thread third = handInFrom(3);
        second.join(10_000);
        third.join(10_000);

        // THEN their threads are free at once, but their sends still count as in flight: nothing is committed
        assertThat(second.isAlive() || third.isAlive()).isFalse();
        assertThat(written).isEmpty();

        // WHEN the first transaction commits
        ends.release.countDown();
        first.join(10_000);

        // THEN the writer took the other two in one more transaction, and only then freed their sends
        assertThat(written).containsExactlyInAnyOrder(1L, 2L, 3L);
        assertThat(ends.transactions).hasSize(3);
        assertThat(ends.transactions.get(1)).isSameAs(ends.transactions.get(2)).isNotSameAs(ends.transactions.get(0));
    }

    private Thread handInFrom(long id) {
        OutboxRow row = new OutboxRow(id, tg(String.valueOf(id)), Delivery.Action.SEND, SendReason.OUTAGE, null,
                Message.text(Status.DOWN, "AS1 is offline", ""), 0, NotifyHarness.T0, null);
        Outcome gone = new Outcome.Answered(row, new SendResult.Permanent("chat not found"), NotifyHarness.T0);
        Thread t = new Thread(() -> writer.hand(gone, () -> written.add(id)), "sender-" + id);
        t.start();
        return t;
    }

    /** Records the transaction each destination ended in; the first one waits until released. */
    private static final class BlockingEnds implements DestinationEvents {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final List<Connection> transactions = new CopyOnWriteArrayList<>();

        @Override
        public void ended(Connection tx, Destination destination, String reason, Instant now) {
            transactions.add(tx);
            if (entered.getCount() > 0) {
                entered.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void moved(Connection tx, Destination from, Destination to, Instant now) {
        }
    }
}
