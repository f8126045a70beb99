package net.outageherald.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.outageherald.model.Delivery;
import net.outageherald.model.Destination;
import net.outageherald.model.Message;
import net.outageherald.model.Platform;
import net.outageherald.model.SendReason;
import net.outageherald.model.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link OutboxRepository#anyPending} pads its list of destinations: every count still gives the right answer. */
class OutboxPendingTest {

    @TempDir
    Path dir;

    @Test
    void anyPendingAnswersForEveryCountOfDestinations() {
        Database db = Database.open("jdbc:sqlite:" + dir.resolve("o.db"), null, null, 1);
        try {
            OutboxRepository outbox = new OutboxRepository(false);
            Destination queued = new Destination(Platform.TELEGRAM, "-1007");
            db.inTransaction(tx -> {
                outbox.enqueue(tx, List.of(new OutboxRepository.NewRow(queued, Delivery.Action.SEND,
                        SendReason.OUTAGE, "as:1", null, null, Message.text(Status.DOWN, "h", "s"))), Instant.EPOCH);
                return null;
            });
            for (int n = 1; n <= 9; n++) {
                List<Destination> others = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    others.add(new Destination(Platform.TELEGRAM, "-200" + i));
                }
                List<Destination> withQueued = new ArrayList<>(others);
                withQueued.add(n / 2, queued);
                assertThat(db.<Boolean>inTransaction(tx -> outbox.anyPending(tx, others))).as("%d others", n).isFalse();
                assertThat(db.<Boolean>inTransaction(tx -> outbox.anyPending(tx, withQueued))).as("%d + 1", n).isTrue();
            }
        } finally {
            db.close();
        }
    }
}
