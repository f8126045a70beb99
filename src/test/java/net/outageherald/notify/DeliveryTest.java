package net.outageherald.notify;

import static net.outageherald.testing.NotifyHarness.tg;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.outageherald.model.Delivery;
import net.outageherald.model.Platform;
import net.outageherald.model.Status;
import net.outageherald.model.Subscription;
import net.outageherald.model.Target;
import net.outageherald.outbox.NotifyConfig;
import net.outageherald.outbox.SendResult;
import net.outageherald.outbox.Sender;
import net.outageherald.testing.FakeMessages;
import net.outageherald.testing.LogCapture;
import net.outageherald.testing.NotifyHarness;
import net.outageherald.testing.WiredNotifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What delivery does with each kind of platform answer, and the order it keeps per destination. */
class DeliveryTest {

    private static final Target AS1 = new Target.As(131279);
    private static final Target AS2 = new Target.As(4837);
    private static final SendResult BAD_GATEWAY = new SendResult.Retry("HTTP 502", null);

    @TempDir
    Path dir;
    private NotifyHarness h;

    @BeforeEach
    void open() {
        h = new NotifyHarness(dir);
    }

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void destinationFailingWith5xxThenRecoveringReceivesEverythingInOrderExactlyOnce() {
        // GIVEN a chat whose platform answers 502 three times before it recovers
        h.subscriptions.subscribe(tg("1"), AS1);
        h.telegram.answer("1", BAD_GATEWAY, BAD_GATEWAY, BAD_GATEWAY);

        // WHEN an outage starts, changes and ends meanwhile
        long outage = h.outageStarted("AS131279");
        h.notifier.drainOnce();
        h.outageChanged("AS131279", outage, Status.PARTIAL);
        h.restored("AS131279", outage);
        h.drainAll(NotifyConfig.defaults().retryCap(), 10);

        // THEN it receives all of it once, in the order it happened
        assertThat(h.telegram.linesTo("1")).extracting(l -> l.split(" ")[0] + " " + l.split(" ")[1]).containsExactly(
                "SEND OUTAGE_STARTED", "SEND OUTAGE_CHANGED", "EDIT RESOLVED", "SEND RESTORED");
        assertThat(h.telegram.attempts()).hasSize(4 + 3);
    }

    @Test
    void orderingPerDestinationHoldsUnderRetriesWhileOthersGoOn() {
        // GIVEN two chats, one of them failing for now
        h.subscriptions.subscribe(tg("1"), AS1);
        h.subscriptions.subscribe(tg("2"), AS1);
        h.telegram.answer("1", BAD_GATEWAY, BAD_GATEWAY);

        // WHEN an outage starts and ends
        long outage = h.outageStarted("AS131279");
        h.restored("AS131279", outage);
        h.notifier.drainOnce();

        // THEN the healthy chat has everything and the failing one nothing later than what it failed on
        assertThat(h.telegram.linesTo("2")).hasSize(3);
        assertThat(h.telegram.attempts()).filteredOn(a -> a.delivery().to().id().equals("1"))
                .extracting(a -> a.delivery().message().headline()).allMatch(s -> s.startsWith("OUTAGE_STARTED"));

        // AND once it recovers, its messages come in their order
        h.drainAll(NotifyConfig.defaults().retryCap(), 10);
        assertThat(h.telegram.linesTo("1")).extracting(l -> l.split(" ")[1])
                .containsExactly("OUTAGE_STARTED", "RESOLVED", "RESTORED");
    }

    @Test
    void retryAfterOf429IsHonoured() {
        // GIVEN a chat the platform throttles for 30 s
        h.subscriptions.subscribe(tg("1"), AS1);
        h.telegram.answer("1", new SendResult.Retry("HTTP 429", Duration.ofSeconds(30)));
        h.outageStarted("AS131279");
        h.notifier.drainOnce();

        // WHEN 29 s pass
        h.clock.advance(Duration.ofSeconds(29));
        h.notifier.drainOnce();

        // THEN nothing was tried again
        assertThat(h.telegram.attempts()).hasSize(1);

        // WHEN the 30th second passes
        h.clock.advance(Duration.ofSeconds(1));
        h.notifier.drainOnce();

        // THEN it goes
        assertThat(h.telegram.linesTo("1")).hasSize(1);
        assertThat(h.registry.get("herald.notify.failures").tag("reason", "rate_limited").counter().count()).isEqualTo(1);
    }

    @Test
    void permanentErrorEndsThatDestinationsSubscriptionsAndNothingElse() {
        // GIVEN two chats following two targets, and the bot was removed from one of them
        for (String chat : List.of("1", "2")) {
            h.subscriptions.subscribe(tg(chat), AS1);
            h.subscriptions.subscribe(tg(chat), AS2);
        }
        h.telegram.answer("1", new SendResult.Permanent("Forbidden: bot was kicked from the group chat"));

        try (LogCapture logs = new LogCapture("net.outageherald")) {
            // WHEN outages start on both targets
            h.outageStarted("AS131279");
            h.outageStarted("AS4837");
            h.notifier.drainOnce();

            // THEN the chat that is gone has no subscriptions, no pending messages, and one log line says why
            assertThat(h.subscriptions.of(tg("1"))).isEmpty();
            assertThat(h.telegram.attempts()).filteredOn(a -> a.delivery().to().id().equals("1")).hasSize(1);
            assertThat(logs.warnings()).singleElement().asString()
                    .contains("telegram:1", "bot was kicked", "ended its 2 subscriptions", "dropped 1 pending");
        }
        // AND the other chat keeps both and heard both
        assertThat(h.subscriptions.of(tg("2"))).hasSize(2);
        assertThat(h.telegram.linesTo("2")).hasSize(2);
        assertThat(h.notifier.pending()).isEmpty();
    }

    @Test
    void movedChatKeepsItsSubscriptionsAndTheMessageLandsAtTheNewId() {
        // GIVEN a group that became a supergroup
        h.subscriptions.subscribe(tg("-42"), AS1);
        h.telegram.answer("-42", new SendResult.Moved("-10042"));

        // WHEN an outage starts, and later ends
        long outage = h.outageStarted("AS131279");
        h.notifier.drainOnce();

        // THEN the announcement lands at the new id, where the subscription now is
        assertThat(h.telegram.linesTo("-10042")).singleElement().asString().contains("OUTAGE_STARTED");
        assertThat(h.subscriptions.of(tg("-42"))).isEmpty();
        assertThat(h.subscriptions.of(tg("-10042"))).extracting(Subscription::targetKey).containsExactly("AS131279");

        // AND the restoration follows it there, the notification log having moved too
        h.restored("AS131279", outage);
        h.notifier.drainOnce();
        assertThat(h.telegram.linesTo("-10042")).extracting(l -> l.split(" ")[1])
                .containsExactly("OUTAGE_STARTED", "RESOLVED", "RESTORED");
    }

    @Test
    void messagesOlderThanTheAgeLimitAreDroppedWithALogLine() {
        // GIVEN a chat that cannot be reached for seven hours
        h.subscriptions.subscribe(tg("1"), AS1);
        SendResult[] failures = new SendResult[100];
        java.util.Arrays.fill(failures, BAD_GATEWAY);
        h.telegram.answer("1", failures);
        h.outageStarted("AS131279");

        try (LogCapture logs = new LogCapture("net.outageherald")) {
            // WHEN it is tried over those hours
            for (int i = 0; i < 7 * 12; i++) {
                h.notifier.drainOnce();
                h.clock.advance(Duration.ofMinutes(5));
            }
            h.notifier.drainOnce();

            // THEN after six hours the message is dropped rather than sent late, and that is said once
            assertThat(h.notifier.pending()).isEmpty();
            assertThat(h.outboxStates()).containsExactly("telegram:1 OUTAGE DROPPED");
            assertThat(logs.warnings()).filteredOn(l -> l.contains("Dropped")).singleElement().asString()
                    .contains("1 telegram messages", "max-message-age 6 h");
            // AND the retry streak itself was logged once, not once per attempt
            assertThat(logs.warnings()).filteredOn(l -> l.contains("failed (HTTP 502)")).hasSize(1);
        }
        assertThat(h.registry.get("herald.notify.failures").tag("reason", "expired").counter().count()).isEqualTo(1);
    }

    @Test
    void destinationWhoseAnnouncementWasDroppedIsNotOwedTheRestoration() {
        // GIVEN a chat unreachable for longer than the age limit while an outage started
        h.subscriptions.subscribe(tg("1"), AS1);
        SendResult[] failures = new SendResult[7 * 12];
        java.util.Arrays.fill(failures, BAD_GATEWAY);
        h.telegram.answer("1", failures);
        long outage = h.outageStarted("AS131279");
        h.drainAll(Duration.ofMinutes(5), 7 * 12 + 1);
        h.telegram.recover("1");

        // WHEN the outage ends after the chat is reachable again
        h.restored("AS131279", outage);
        h.notifier.drainOnce();

        // THEN it hears nothing of an outage it was never told of
        assertThat(h.notifier.pending()).isEmpty();
        assertThat(h.telegram.deliveredTo("1")).isEmpty();
        assertThat(h.outboxStates()).containsExactly("telegram:1 OUTAGE DROPPED");
    }

    @Test
    void senderThatThrowsIsRetriedLikeATimeout() {
        // GIVEN a sender that throws once
        h.subscriptions.subscribe(tg("1"), AS1);
        h.outageStarted("AS131279");
        Sender throwing = new Sender() {
            int calls;

            @Override
            public Platform platform() {
                return Platform.TELEGRAM;
            }

            @Override
            public SendResult send(Delivery d) {
                if (calls++ == 0) {
                    throw new IllegalStateException("socket closed");
                }
                return new SendResult.Sent("x");
            }
        };
        Notifier n = WiredNotifier.wire(NotifyHarness.unlimited(), h.db, new FakeMessages(), List.of(throwing),
                h.registry, h.clock).notifier();

        // WHEN it is drained, and again after the backoff
        n.drainOnce();
        h.clock.advance(NotifyConfig.defaults().retryCap());
        n.drainOnce();

        // THEN the message went on the second try
        assertThat(n.pending()).isEmpty();
        assertThat(h.outboxStates()).containsExactly("telegram:1 OUTAGE SENT");
    }

    @Test
    void nonceIsBasedOnTheOutboxRow() {
        // GIVEN an announcement and its restoration
        h.subscriptions.subscribe(tg("1"), AS1);
        long outage = h.outageStarted("AS131279");
        h.restored("AS131279", outage);

        // WHEN delivered
        h.notifier.drainOnce();

        // THEN every delivery carries the nonce of its row (outbox ids 1, 2 and 3; "e" marks the edit)
        assertThat(h.telegram.delivered()).extracting(Delivery::nonce).containsExactly("oh1", "oh2e", "oh3")
                .allMatch(n -> n.length() <= 25);
    }
}
