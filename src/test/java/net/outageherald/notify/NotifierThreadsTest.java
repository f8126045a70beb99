package net.outageherald.notify;

import static net.outageherald.testing.NotifyHarness.tg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.outageherald.chat.console.ConsoleSender;
import net.outageherald.model.Delivery;
import net.outageherald.model.Destination;
import net.outageherald.model.Platform;
import net.outageherald.model.Target;
import net.outageherald.outbox.DestinationEvents;
import net.outageherald.outbox.NotifyConfig;
import net.outageherald.outbox.SendResult;
import net.outageherald.outbox.Sender;
import net.outageherald.store.Database;
import net.outageherald.store.NotificationLogRepository;
import net.outageherald.subscribe.SubscriptionService;
import net.outageherald.testing.FakeMessages;
import net.outageherald.testing.NotifyHarness;
import net.outageherald.testing.RecordingSender;
import net.outageherald.testing.StoredOutage;
import net.outageherald.testing.WiredNotifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The started workers, on the system clock: woken by new events, stopping cleanly. */
class NotifierThreadsTest {

    @TempDir
    Path dir;

    @Test
    void startedWorkersDeliverNewEventsToEveryPlatformWithoutBeingAsked() {
        // GIVEN started workers for Telegram and the console
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        RecordingSender telegram = new RecordingSender(Platform.TELEGRAM);
        NotifyConfig config = NotifyConfig.defaults().withPollInterval(Duration.ofMinutes(10));
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("t.db"), null, null, 4)) {
            WiredNotifier wired = WiredNotifier.wire(config, db, new FakeMessages(),
                    List.of(telegram, new ConsoleSender(new PrintStream(console, true, StandardCharsets.UTF_8))),
                    new SimpleMeterRegistry(), Clock.systemUTC());
            Notifier n = wired.notifier();
            for (int i = 1; i <= 40; i++) {
                wired.subscriptions().subscribe(tg(String.valueOf(i)), new Target.As(1));
            }
            n.start();
            try {
                // WHEN an outage is stored (the long poll interval means only the commit wakes them)
                StoredOutage.of("AS1", Instant.now()).store(db, n.sink());

                // THEN every chat and the console hear of it soon
                await().atMost(Duration.ofSeconds(20)).until(() -> telegram.delivered().size() == 40);
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> console.toString(StandardCharsets.UTF_8).contains("OUTAGE_STARTED AS1"));
            } finally {
                n.stop();
            }
            assertThat(n.pending()).isEmpty();
        }
    }

    @Test
    void aSendCountsAsInFlightUntilItsOutcomeIsCommitted() throws Exception {
        // GIVEN six chats, two sends at a time, and the first outcome's transaction held up
        NotifyConfig config = NotifyConfig.defaults().withConsoleEnabled(false)
                .withPlatform(Platform.TELEGRAM, NotifyConfig.PlatformLimits.unlimited(2));
        AtomicInteger sends = new AtomicInteger();
        Sender gone = new Sender() {
            @Override
            public Platform platform() {
                return Platform.TELEGRAM;
            }

            @Override
            public SendResult send(Delivery d) {
                sends.incrementAndGet();
                return new SendResult.Permanent("chat not found");
            }
        };
        CountDownLatch release = new CountDownLatch(1);
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("t.db"), null, null, 4)) {
            SubscriptionService subscriptions = new SubscriptionService(db, new NotificationLogRepository(), 50,
                    Clock.systemUTC());
            DestinationEvents heldUp = new DestinationEvents() {
                @Override
                public void ended(Connection tx, Destination d, String reason, Instant now) throws SQLException {
                    try {
                        release.await(20, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    subscriptions.ended(tx, d, reason, now);
                }

                @Override
                public void moved(Connection tx, Destination from, Destination to, Instant now) {
                }
            };
            Notifier n = new Notifier(config, db, new FakeMessages(), List.of(gone), new NotificationLogRepository(),
                    heldUp, new SimpleMeterRegistry(), Clock.systemUTC());
            for (int i = 1; i <= 6; i++) {
                subscriptions.subscribe(tg(String.valueOf(i)), new Target.As(1));
            }
            StoredOutage.of("AS1", Instant.now()).store(db, n.sink());
            n.start();
            try {
                // WHEN two sends are answered but not yet recorded
                await().atMost(Duration.ofSeconds(20)).until(() -> sends.get() >= 2);

                // THEN no third send starts: a crash now could repeat only those two
                await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> sends.get() == 2);

                // AND once the outcome is committed the rest goes
                release.countDown();
                await().atMost(Duration.ofSeconds(20)).until(() -> n.pending().isEmpty());
            } finally {
                release.countDown();
                n.stop();
            }
            assertThat(sends.get()).isEqualTo(6);
        }
    }

    @Test
    void aMessageCostsTheWorkerOneClaimAndItsOutcomeNotFruitlessSecondLooks() {
        // GIVEN a started Telegram worker and a chat per network, so that no chat's own rate limit defers a message
        // (the long poll interval: only commits and sends wake the worker)
        RecordingSender telegram = new RecordingSender(Platform.TELEGRAM);
        NotifyConfig config = NotifyConfig.defaults().withConsoleEnabled(false).withPollInterval(Duration.ofMinutes(10));
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("t.db"), null, null, 4)) {
            WiredNotifier wired = WiredNotifier.wire(config, db, new FakeMessages(), List.of(telegram),
                    new SimpleMeterRegistry(), Clock.systemUTC());
            Notifier n = wired.notifier();
            for (int as = 1; as <= 6; as++) {
                wired.subscriptions().subscribe(tg(String.valueOf(as)), new Target.As(as));
            }
            long before = db.transactionsBegun();
            StoredOutage.of("AS1", Instant.now()).store(db, n.sink()); // not started: what storing one costs
            long perStore = db.transactionsBegun() - before;
            n.start();
            try {
                long start = quiet(db);
                // WHEN five outages come one after another, each sent before the next
                for (int i = 1; i <= 5; i++) {
                    StoredOutage.of("AS" + (i + 1), Instant.now()).store(db, n.sink());
                    int sent = i + 1; // AS1's message went when the worker started
                    await().atMost(Duration.ofSeconds(20)).until(() -> telegram.delivered().size() == sent);
                }
                long used = quiet(db) - start - 5 * perStore;

                // THEN each cost the worker two transactions: its claim (which also reads when the next row is
                // due) and its outcome (which wakes the worker only if a row came due through it); not a second
                // claim and a separate look for the next due time after every pass and every send
                assertThat(used).isLessThanOrEqualTo(5 * 2);
            } finally {
                n.stop();
            }
        }
    }

    @Test
    void aMessageHeldBehindAnotherGoesAsSoonAsThatOneIsSentNotAtTheNextPoll() {
        // GIVEN an outage, its resolved edit and its restoration queued for one chat, and a worker that polls
        // only every 10 minutes (so only the first send's outcome can wake it for the two held behind it)
        try (NotifyHarness h = new NotifyHarness(dir, NotifyHarness.unlimited().withPollInterval(Duration.ofMinutes(10)))) {
            h.subscriptions.subscribe(tg("1"), new Target.As(1));
            long outage = h.outageStarted("AS1");
            h.restored("AS1", outage);
            h.notifier.start();
            try {
                // THEN all three go, one after the other, within seconds
                await().atMost(Duration.ofSeconds(20)).until(() -> h.telegram.delivered().size() == 3);
                assertThat(h.telegram.delivered()).extracting(Delivery::action)
                        .containsExactly(Delivery.Action.SEND, Delivery.Action.EDIT, Delivery.Action.SEND);
            } finally {
                h.notifier.stop();
            }
        }
    }

    /** The transaction count once the workers have been idle for a moment. */
    private static long quiet(Database db) {
        long[] last = {db.transactionsBegun()};
        await().pollInterval(Duration.ofMillis(100)).during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(20))
                .until(() -> {
                    long now = db.transactionsBegun();
                    boolean same = now == last[0];
                    last[0] = now;
                    return same;
                });
        return last[0];
    }
}
