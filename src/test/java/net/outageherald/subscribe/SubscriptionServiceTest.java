package net.outageherald.subscribe;

import net.outageherald.testing.NotifyHarness;
import net.outageherald.model.Platform;
import net.outageherald.model.Subscription;
import static net.outageherald.testing.NotifyHarness.dc;
import static net.outageherald.testing.NotifyHarness.tg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.outageherald.model.Target;
import net.outageherald.outbox.SendResult;
import net.outageherald.testing.LogCapture;
import net.outageherald.subscribe.Subscriptions.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubscriptionServiceTest {

    @TempDir
    Path dir;
    private NotifyHarness h;
    private SubscriptionService subs;

    @BeforeEach
    void open() {
        h = new NotifyHarness(dir);
        subs = h.subscriptions;
    }

    @AfterEach
    void close() {
        h.close();
    }

    private static Target as(long n) {
        return new Target.As(n);
    }

    @Test
    void destinationMayFollowFiftyTargetsByCommandAndNoMore() {
        // GIVEN a channel following 50 targets by command and 3 from the config
        subs.syncStatic(Map.of(dc("9"), List.of(as(1001), as(1002), as(1003))));
        for (int i = 1; i <= 50; i++) {
            assertThat(subs.subscribe(dc("9"), as(i)).outcome()).isEqualTo(Outcome.ADDED);
        }

        // WHEN it asks for a 51st
        Subscriptions.Result result = subs.subscribe(dc("9"), as(51));

        // THEN it is refused with the count and the limit, and nothing was added
        assertThat(result).isEqualTo(new Subscriptions.Result(Outcome.LIMIT_REACHED, 50, 50, null));
        assertThat(subs.of(dc("9"))).hasSize(53);
        // AND another channel is not affected
        assertThat(subs.subscribe(dc("8"), as(51)).outcome()).isEqualTo(Outcome.ADDED);
    }

    @Test
    void subscribingTwiceSaysAlready() {
        subs.subscribe(tg("1"), as(1));
        assertThat(subs.subscribe(tg("1"), as(1))).isEqualTo(new Subscriptions.Result(Outcome.ALREADY, 1, 50, null));
    }

    @Test
    void limitComesFromTheConfig() {
        h.close();
        h = new NotifyHarness(dir, NotifyHarness.unlimited().withMaxSubscriptionsPerDestination(2));
        subs = h.subscriptions;
        subs.subscribe(tg("1"), as(1));
        subs.subscribe(tg("1"), as(2));
        assertThat(subs.subscribe(tg("1"), as(3)).outcome()).isEqualTo(Outcome.LIMIT_REACHED);
    }

    @Test
    void staticSyncAddsTheMissingRemovesTheStaleAndNeverTouchesDynamicOnes() {
        // GIVEN static subscriptions from an earlier config and one made by command
        subs.syncStatic(Map.of(tg("@news"), List.of(as(1), as(2)), tg("-5"), List.of(as(7))));
        subs.subscribe(tg("@news"), as(3));

        // WHEN the config now lists other targets
        SubscriptionService.SyncResult result = subs.syncStatic(Map.of(tg("@news"), List.of(as(2), as(4))));

        // THEN the static rows match the config and the dynamic one is still there
        assertThat(result).isEqualTo(new SubscriptionService.SyncResult(1, 2));
        assertThat(subs.of(tg("@news"))).extracting(s -> s.targetKey() + (s.isStatic() ? " static" : " dynamic"))
                .containsExactly("AS2 static", "AS3 dynamic", "AS4 static");
        assertThat(subs.of(tg("-5"))).isEmpty();
        // AND syncing the same config again changes nothing
        assertThat(subs.syncStatic(Map.of(tg("@news"), List.of(as(2), as(4)))))
                .isEqualTo(new SubscriptionService.SyncResult(0, 0));
    }

    @Test
    void unsubscribeRemovesOnlyCommandSubscriptions() {
        subs.syncStatic(Map.of(tg("@news"), List.of(as(1))));
        assertThat(subs.unsubscribe(tg("@news"), as(1))).isFalse();
        assertThat(subs.of(tg("@news"))).hasSize(1);
        subs.subscribe(tg("1"), as(1));
        assertThat(subs.unsubscribe(tg("1"), as(1))).isTrue();
        assertThat(subs.unsubscribe(tg("1"), as(1))).isFalse();
    }

    @Test
    void watchedTargetsAreEverySubscribedTargetOnce() {
        subs.syncStatic(Map.of(tg("@news"), List.of(as(1), new Target.Land(net.outageherald.model.Countries.all()
                .find("KP").orElseThrow()))));
        subs.subscribe(tg("1"), as(1));
        subs.subscribe(dc("2"), as(2));
        assertThat(subs.subscribedTargetKeys()).containsExactly("AS1", "AS2", "KP");
    }

    @Test
    void listsByDestinationAndByPlatform() {
        subs.subscribe(tg("1"), as(2));
        subs.subscribe(tg("1"), as(1));
        subs.subscribe(dc("2"), as(1));
        assertThat(subs.of(tg("1"))).extracting(Subscription::targetKey).containsExactly("AS1", "AS2");
        assertThat(subs.byPlatform(Platform.DISCORD)).extracting(Subscription::destination).containsExactly(dc("2"));
        assertThat(subs.of(tg("1")).get(0).since()).isEqualTo(NotifyHarness.T0);
    }

    @Test
    void aDestinationDeliveryFindsGoneLosesWhatCommandsSubscribedButKeepsWhatTheConfigDid() {
        // GIVEN a chat following AS1 by command, and AS2 by command and by the config
        subs.subscribe(tg("-5"), as(1));
        subs.subscribe(tg("-5"), as(2));
        subs.syncStatic(Map.of(tg("-5"), List.of(as(2))));

        // WHEN delivery reports it gone for good
        h.db.inTransaction(tx -> {
            subs.ended(tx, tg("-5"), "403 Forbidden: bot was kicked from the group chat", NotifyHarness.T0);
            return null;
        });

        // THEN only the config's subscription is left, for the operator to remove
        assertThat(subs.of(tg("-5"))).extracting(Subscription::targetKey, Subscription::isStatic)
                .containsExactly(tuple("AS2", true));
    }

    @Test
    void endAllAndMoveWorkThroughTheService() {
        subs.subscribe(tg("-1"), as(1));
        subs.subscribe(tg("-1"), as(2));
        subs.subscribe(tg("-100"), as(2));
        assertThat(subs.move(tg("-1"), tg("-100"))).isEqualTo(1);
        assertThat(subs.of(tg("-100"))).extracting(Subscription::targetKey).containsExactly("AS1", "AS2");
        assertThat(subs.endAll(tg("-100"), "chat not found")).isEqualTo(2);
        assertThat(subs.subscribedTargetKeys()).isEmpty();
    }

    @Test
    void endAllEndsTheDynamicSubscriptionsAndNeverTheConfigOnes() {
        // GIVEN a channel following AS1 from the config, AS2 and AS3 by command
        subs.syncStatic(Map.of(dc("7"), List.of(as(1))));
        subs.subscribe(dc("7"), as(2));
        subs.subscribe(dc("7"), as(3));

        // WHEN the channel is gone for good (deleted, bot removed)
        int ended = subs.endAll(dc("7"), "Discord channel #outages was deleted");

        // THEN what commands made ends; what the config made is the operator's to remove
        assertThat(ended).isEqualTo(2);
        assertThat(subs.of(dc("7"))).extracting(Subscription::targetKey, Subscription::isStatic)
                .containsExactly(tuple("AS1", true));
    }

    @Test
    void aDestinationConfirmedGoneIsLeftOutOfFanOutAndWarnedOfOnceUntilItIsBack() {
        // GIVEN a chat following AS1 and AS2 from the config, whose bot was kicked out
        subs.syncStatic(Map.of(tg("-5"), List.of(as(1), as(2))));
        h.telegram.answer("-5", new SendResult.Permanent("403 Forbidden: bot was kicked from the group chat"));
        try (LogCapture log = new LogCapture(SubscriptionService.class.getName())) {
            // WHEN AS1 goes down: the send fails for good and the destination is ended, once
            h.outageStarted("AS1");
            h.drainAll(Duration.ofSeconds(1), 20);
            assertThat(h.telegram.attempts()).hasSize(1);
            assertThat(log.warnings()).hasSize(1).allMatch(w -> w.contains("get nothing until the bot is back"));

            // WHEN more events come for targets it follows from the config
            h.telegram.answer("-5", new SendResult.Permanent("403 Forbidden: bot was kicked from the group chat"));
            h.outageStarted("AS2");
            h.outageStarted("AS1");
            h.drainAll(Duration.ofSeconds(1), 20);

            // THEN it is not tried again, nor warned of again; its config subscriptions stay for the operator
            assertThat(h.telegram.attempts()).hasSize(1);
            assertThat(log.warnings()).hasSize(1);
            assertThat(subs.of(tg("-5"))).hasSize(2);
        }

        // WHEN the bot is back and someone there subscribes by command: it gets the next event again
        h.telegram.recover("-5");
        subs.subscribe(tg("-5"), as(3));
        h.outageStarted("AS2");
        h.drainAll(Duration.ofSeconds(1), 20);
        assertThat(h.telegram.attempts()).hasSize(2);

        // and a restart (the config synced again) tries a destination once marked gone again
        h.telegram.answer("-5", new SendResult.Permanent("403 Forbidden: bot was kicked from the group chat"));
        h.outageStarted("AS1");
        h.drainAll(Duration.ofSeconds(1), 20);
        h.outageStarted("AS2");
        h.drainAll(Duration.ofSeconds(1), 20);
        assertThat(h.telegram.attempts()).hasSize(3);
        subs.syncStatic(Map.of(tg("-5"), List.of(as(1), as(2))));
        h.outageStarted("AS1");
        h.drainAll(Duration.ofSeconds(1), 20);
        assertThat(h.telegram.attempts()).hasSize(4);
    }
}
