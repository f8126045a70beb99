package net.outageherald.notify;

import static net.outageherald.testing.NotifyHarness.dc;
import static net.outageherald.testing.NotifyHarness.tg;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.outageherald.model.Status;
import net.outageherald.model.Subscription;
import net.outageherald.model.Target;
import net.outageherald.outbox.SendResult;
import net.outageherald.testing.LogCapture;
import net.outageherald.testing.NotifyHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A message the platform can never take is dropped alone; a chat the bot may not post to for now waits,
 * keeps its subscriptions, is reported to the operators once and resumes by itself; only a chat that is gone
 * loses subscriptions, and then only those made by commands.
 */
class RejectedAndPausedTest {

    private static final Target AS1 = new Target.As(131279);
    private static final Target AS2 = new Target.As(4837);
    private static final String GROUP = "-1001";
    private static final String OPERATOR = "7";
    private static final SendResult NO_RIGHTS = new SendResult.Paused(
            "400 Bad Request: not enough rights to send text messages to the chat");

    @TempDir
    Path dir;
    private NotifyHarness h;

    @BeforeEach
    void open() {
        h = new NotifyHarness(dir, NotifyHarness.unlimited().withOperators(List.of(tg(OPERATOR))));
    }

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void aMessageThePlatformRefusesIsDroppedAloneAndTheChatsNextMessagesGoOut() {
        // GIVEN a chat whose platform refuses the outage message as too long
        h.subscriptions.subscribe(tg("1"), AS1);
        h.telegram.answer("1", new SendResult.Rejected("400 Bad Request: message is too long"));

        try (LogCapture logs = new LogCapture("net.outageherald")) {
            // WHEN the outage starts, changes and ends
            long outage = h.outageStarted("AS131279");
            h.notifier.drainOnce();
            h.outageChanged("AS131279", outage, Status.PARTIAL);
            h.restored("AS131279", outage);
            h.notifier.drainOnce();

            // THEN only that message was dropped, once, and said so once; the rest went, with no edit of
            // an announcement that never arrived
            assertThat(h.telegram.attempts()).filteredOn(a -> a.delivery().to().id().equals("1")).hasSize(3);
            assertThat(h.telegram.linesTo("1")).extracting(l -> l.split(" ")[1])
                    .containsExactly("OUTAGE_CHANGED", "RESTORED");
            assertThat(h.outboxStates()).filteredOn(s -> s.startsWith("telegram:1 "))
                    .containsExactly("telegram:1 OUTAGE REJECTED", "telegram:1 CHANGE SENT",
                            "telegram:1 RESOLVED_EDIT SKIPPED", "telegram:1 RESTORATION SENT");
            assertThat(logs.warnings()).singleElement().asString()
                    .contains("telegram:1", "refused", "message is too long", "next messages go on");
        }
        // AND the chat keeps its subscription; the drop is counted as a message given up
        assertThat(h.subscriptions.of(tg("1"))).extracting(Subscription::targetKey).containsExactly("AS131279");
        assertThat(h.registry.get("herald.messages.failed").tags("platform", "telegram", "reason", "rejected")
                .counter().count()).isEqualTo(1);
        assertThat(h.registry.get("herald.notify.failures").tags("platform", "telegram", "reason", "rejected")
                .counter().count()).isEqualTo(1);
    }

    @Test
    void aChatTheBotMayNotPostToWaitsTellsTheOperatorsOnceAndResumesByItself() {
        // GIVEN a group following one target by command and one by the config, where the bot lost its rights
        h.subscriptions.subscribe(tg(GROUP), AS1);
        h.subscriptions.syncStatic(Map.of(tg(GROUP), List.of(AS2)));
        h.telegram.answer(GROUP, NO_RIGHTS, NO_RIGHTS);

        try (LogCapture logs = new LogCapture("net.outageherald")) {
            // WHEN outages start on both targets
            h.outageStarted("AS131279");
            h.outageStarted("AS4837");
            h.notifier.drainOnce();

            // THEN the group's first message waits and the second behind it; the operator hears of it once
            assertThat(h.telegram.attempts()).filteredOn(a -> a.delivery().to().id().equals(GROUP)).hasSize(1);
            assertThat(h.telegram.linesTo(OPERATOR)).filteredOn(l -> l.contains("is paused"))
                    .singleElement().asString().contains("telegram:" + GROUP);
            assertThat(logs.warnings()).filteredOn(l -> l.contains("delivery paused")).singleElement().asString()
                    .contains("telegram:" + GROUP, "not enough rights", "subscriptions stay");

            // WHEN nine minutes pass: nothing is tried; at ten it is tried, and refused again
            h.clock.advance(Duration.ofMinutes(9));
            h.notifier.drainOnce();
            assertThat(h.telegram.attempts()).filteredOn(a -> a.delivery().to().id().equals(GROUP)).hasSize(1);
            h.clock.advance(Duration.ofMinutes(1));
            h.notifier.drainOnce();
            assertThat(h.telegram.attempts()).filteredOn(a -> a.delivery().to().id().equals(GROUP)).hasSize(2);

            // THEN the operator was still told only once
            assertThat(h.telegram.linesTo(OPERATOR)).filteredOn(l -> l.contains("is paused")).hasSize(1);

            // WHEN the rights are back by the next retry
            h.clock.advance(Duration.ofMinutes(10));
            h.notifier.drainOnce();

            // THEN both messages arrive in their order, and the log says it resumed
            assertThat(h.telegram.linesTo(GROUP)).extracting(l -> l.split(" ")[2]).containsExactly("AS131279", "AS4837");
            assertThat(logs.all()).filteredOn(l -> l.contains("delivery resumed")).singleElement().asString()
                    .contains("telegram:" + GROUP);
        }
        // AND every subscription is still there, and nothing is left waiting
        assertThat(h.subscriptions.of(tg(GROUP))).extracting(Subscription::targetKey)
                .containsExactlyInAnyOrder("AS131279", "AS4837");
        assertThat(h.notifier.pending()).isEmpty();
        assertThat(h.registry.get("herald.notify.failures").tags("platform", "telegram", "reason", "paused")
                .counter().count()).isEqualTo(2);
    }

    @Test
    void aPauseTellsThePausedChannelsServerOnceWhereTheBotMayStillPost() {
        // GIVEN a Discord channel where the bot lost its rights, in a server whose system channel it may post in
        String channel = "300000000000000001";
        String system = "300000000000000009";
        SendResult lost = new SendResult.Paused("the bot lacks Send Messages in this channel (#outages in server X)",
                dc(system));
        h.subscriptions.subscribe(dc(channel), AS1);
        h.subscriptions.subscribe(dc(channel), AS2);
        h.discord.answer(channel, lost, lost, lost);

        // WHEN outages start and delivery is tried twice over twenty minutes
        h.outageStarted("AS131279");
        h.outageStarted("AS4837");
        h.notifier.drainOnce();
        h.clock.advance(Duration.ofMinutes(10));
        h.notifier.drainOnce();

        // THEN the server hears of it once, in its system channel, with what to do; the operator too
        assertThat(h.discord.deliveredTo(system)).singleElement().satisfies(d -> {
            assertThat(d.message().headline()).contains("paused");
            assertThat(d.message().summary()).contains("#outages", "Send Messages", "nothing is unsubscribed");
        });
        assertThat(h.telegram.deliveredTo(OPERATOR)).filteredOn(d -> d.message().headline().contains("is paused"))
                .singleElement().satisfies(d -> assertThat(d.message().headline() + d.message().summary())
                        .contains("discord:" + channel, "#outages"));
        assertThat(h.subscriptions.of(dc(channel))).hasSize(2);
    }

    @Test
    void aPauseLongerThanTheAgeLimitDropsTheMessagesButKeepsTheSubscriptions() {
        // GIVEN a group where the bot stays without rights for seven hours
        h.subscriptions.subscribe(tg(GROUP), AS1);
        SendResult[] refusals = new SendResult[50];
        java.util.Arrays.fill(refusals, NO_RIGHTS);
        h.telegram.answer(GROUP, refusals);
        h.outageStarted("AS131279");

        // WHEN it is tried all that time
        h.drainAll(Duration.ofMinutes(10), 7 * 6 + 1);

        // THEN it was tried every ten minutes up to six hours (minutes 0 to 360), then dropped as too old, and
        // the group still follows
        assertThat(h.outboxStates()).contains("telegram:" + GROUP + " OUTAGE DROPPED");
        assertThat(h.telegram.attempts()).filteredOn(a -> a.delivery().to().id().equals(GROUP)).hasSize(37);
        assertThat(h.subscriptions.of(tg(GROUP))).hasSize(1);
    }

    @Test
    void aChatThatIsGoneLosesItsCommandSubscriptionsButNotThoseFromTheConfig() {
        // GIVEN a channel following one target by command and one by the config; the bot was kicked
        h.subscriptions.subscribe(tg(GROUP), AS1);
        h.subscriptions.syncStatic(Map.of(tg(GROUP), List.of(AS2)));
        h.telegram.answer(GROUP, new SendResult.Permanent("403 Forbidden: bot was kicked from the supergroup chat"));

        try (LogCapture logs = new LogCapture("net.outageherald")) {
            // WHEN a message to it fails so
            h.outageStarted("AS131279");
            h.notifier.drainOnce();

            // THEN the command's subscription ended and the config's stays, and the log tells the operator
            assertThat(h.subscriptions.of(tg(GROUP))).extracting(Subscription::targetKey).containsExactly("AS4837");
            assertThat(logs.warnings()).singleElement().asString()
                    .contains("telegram:" + GROUP, "bot was kicked", "ended its 1 subscriptions", "1 subscriptions from"
                            + " the config stay");
        }
        // AND no operator notice: nothing waits, there is nothing to resume
        assertThat(h.telegram.linesTo(OPERATOR)).noneMatch(l -> l.contains("is paused"));
        assertThat(h.registry.get("herald.messages.failed").tags("platform", "telegram", "reason", "ended")
                .counter().count()).isEqualTo(1);
    }
}
