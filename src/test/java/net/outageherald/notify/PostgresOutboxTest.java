package net.outageherald.notify;

import static net.outageherald.testing.NotifyHarness.tg;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import net.outageherald.model.Delivery;
import net.outageherald.model.Target;
import net.outageherald.store.Database;
import net.outageherald.testing.FakeMessages;
import net.outageherald.testing.NotifyHarness;
import net.outageherald.testing.WiredNotifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The same schema and semantics on PostgreSQL, where several instances share one outbox. */
class PostgresOutboxTest {

    private static EmbeddedPostgres pg;
    private static int schemas;

    @BeforeAll
    static void startPostgres() throws IOException {
        pg = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        pg.close();
    }

    /** A fresh database per test: a new schema, migrated from scratch. */
    private static Database freshDatabase() throws Exception {
        String schema = "t" + ++schemas;
        try (var c = pg.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        }
        return Database.open(pg.getJdbcUrl("postgres", "postgres") + "&currentSchema=" + schema, "postgres", "postgres", 8);
    }

    @Test
    void restorationFollowsTheNotificationLogOnPostgres() throws Exception {
        try (NotifyHarness h = new NotifyHarness(freshDatabase(), NotifyHarness.unlimited())) {
            // GIVEN one chat that heard an outage and one that joined during it
            h.subscriptions.subscribe(tg("1"), new Target.As(1));
            long outage = h.outageStarted("AS1");
            h.notifier.drainOnce();
            assertThat(h.subscriptions.subscribe(tg("2"), new Target.As(1)).ongoing()).isNotNull();

            // WHEN it ends
            h.restored("AS1", outage);
            h.notifier.drainOnce();

            // THEN the first gets the edit and the reply, the second the restoration
            assertThat(h.telegram.linesTo("1")).extracting(l -> l.split(" ")[1])
                    .containsExactly("OUTAGE_STARTED", "RESOLVED", "RESTORED");
            assertThat(h.telegram.linesTo("2")).extracting(l -> l.split(" ")[1]).containsExactly("RESTORED");
            assertThat(h.telegram.deliveredTo("1").get(2).refId()).isEqualTo("m1");
        }
    }

    @Test
    void twoInstancesDrainingOneOutboxSendEachMessageOnceAndInOrder() throws Exception {
        // GIVEN 200 chats each owed an outage and its restoration, and two instances on one database
        try (NotifyHarness a = new NotifyHarness(freshDatabase(), NotifyHarness.unlimited())) {
            for (int i = 1; i <= 200; i++) {
                a.subscriptions.subscribe(tg(String.valueOf(i)), new Target.As(1));
            }
            long outage = a.outageStarted("AS1");
            a.restored("AS1", outage);
            // one recording sender behind both, so it sees the arrival order across instances
            Notifier b = WiredNotifier.wire(NotifyHarness.unlimited(), a.db, new FakeMessages(), List.of(a.telegram),
                    new SimpleMeterRegistry(), a.clock).notifier();

            // WHEN both drain at the same time (claims use FOR UPDATE SKIP LOCKED)
            var first = CompletableFuture.runAsync(a.notifier::drainOnce);
            var second = CompletableFuture.runAsync(b::drainOnce);
            CompletableFuture.allOf(first, second).join();
            a.notifier.drainOnce();

            // THEN every message went exactly once, and each chat's arrived in order
            List<Delivery> all = a.telegram.delivered();
            assertThat(all).hasSize(600).extracting(Delivery::outboxId).doesNotHaveDuplicates();
            assertThat(a.notifier.pending()).isEmpty();
            assertThat(a.outboxStates()).allMatch(s -> s.endsWith(" SENT"));
            for (int i = 1; i <= 200; i++) {
                String chat = String.valueOf(i);
                assertThat(all.stream().filter(d -> d.to().id().equals(chat)).map(Delivery::outboxId).toList())
                        .isSorted();
            }
        }
    }
}
