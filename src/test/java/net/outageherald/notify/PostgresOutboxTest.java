package net.outageherald.notify;

import static net.outageherald.testing.NotifyHarness.tg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import net.outageherald.model.Delivery;
import net.outageherald.model.Status;
import net.outageherald.model.Target;
import net.outageherald.store.Database;
import net.outageherald.subscribe.Subscriptions;
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
            assertThat(h.subscriptions.subscribe(tg("2"), new Target.As(1)).ongoing())
                    .isEqualTo(new Subscriptions.Ongoing(outage, Status.DOWN, NotifyHarness.T0));

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

            // WHEN both drain at the same time, each on its own thread: b starts while a holds the rows it
            // claimed (the sender keeps a's first send waiting until b sends too, or 10 s at most)
            a.telegram.holdUntilSendingFrom(2);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            String threadOfA;
            String threadOfB;
            try {
                var first = CompletableFuture.supplyAsync(() -> drainOnThisThread(a.notifier), threads);
                await().atMost(Duration.ofSeconds(10)).until(() -> a.telegram.threadsSending() == 1);
                var second = CompletableFuture.supplyAsync(() -> drainOnThisThread(b), threads);
                threadOfA = first.join();
                threadOfB = second.join();
            } finally {
                threads.shutdown();
            }
            a.notifier.drainOnce();

            // THEN both instances delivered some of the rows, and none that the other did
            List<Long> byA = a.telegram.deliveredOn(threadOfA).stream().map(Delivery::outboxId).toList();
            List<Long> byB = a.telegram.deliveredOn(threadOfB).stream().map(Delivery::outboxId).toList();
            assertThat(byA).as("rows instance a delivered").isNotEmpty();
            assertThat(byB).as("rows instance b delivered").isNotEmpty().doesNotContainAnyElementsOf(byA);
            // AND every message went exactly once, and each chat's arrived in order
            List<Delivery> all = a.telegram.delivered();
            assertThat(all).hasSize(600).extracting(Delivery::outboxId).doesNotHaveDuplicates();
            assertThat(a.notifier.pending()).isEmpty();
            assertThat(a.outboxStates()).hasSize(600).allMatch(s -> s.endsWith(" SENT"));
            for (int i = 1; i <= 200; i++) {
                String chat = String.valueOf(i);
                assertThat(all.stream().filter(d -> d.to().id().equals(chat)).map(Delivery::outboxId).toList())
                        .isSorted();
            }
        }
    }

    /** One instance's drain, on the calling thread: returns that thread's name, to tell its sends apart. */
    private static String drainOnThisThread(Notifier instance) {
        instance.drainOnce();
        return Thread.currentThread().getName();
    }
}
