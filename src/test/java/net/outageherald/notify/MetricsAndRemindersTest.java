package net.outageherald.notify;

import static net.outageherald.testing.NotifyHarness.tg;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import net.outageherald.model.Target;
import net.outageherald.outbox.SendResult;
import net.outageherald.testing.NotifyHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsAndRemindersTest {

    private static final Target AS1 = new Target.As(131279);

    @TempDir
    Path dir;
    private NotifyHarness h;

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void operatorsSeeOutboxDepthOldestAgeSendsAndFailuresByReason() {
        // GIVEN three chats, one unreachable for now and one gone
        h = new NotifyHarness(dir);
        for (String chat : new String[] {"1", "2", "3"}) {
            h.subscriptions.subscribe(tg(chat), AS1);
        }
        h.telegram.answer("2", new SendResult.Retry("timeout", null));
        h.telegram.answer("3", new SendResult.Permanent("Bad Request: chat not found"));
        h.outageStarted("AS131279");

        // WHEN delivered, and a minute passes
        h.notifier.drainOnce();
        h.clock.advance(Duration.ofSeconds(1));
        h.notifier.maintain();

        // THEN the meters say so
        var r = h.registry;
        assertThat(r.get("herald.outbox.depth").tag("platform", "telegram").gauge().value()).isEqualTo(1);
        assertThat(r.get("herald.outbox.oldest.age").tag("platform", "telegram").timeGauge().value(TimeUnit.SECONDS))
                .isEqualTo(1);
        assertThat(r.get("herald.notify.sent").tags("platform", "telegram", "action", "send").counter().count())
                .isEqualTo(1);
        assertThat(r.get("herald.notify.failures").tags("platform", "telegram", "reason", "retry").counter().count())
                .isEqualTo(1);
        assertThat(r.get("herald.notify.failures").tags("platform", "telegram", "reason", "permanent").counter().count())
                .isEqualTo(1);
        assertThat(r.get("herald.outbox.depth").tag("platform", "discord").gauge().value()).isZero();
    }

    @Test
    void longOutageIsRemindedAtTheIntervalToThoseToldWhenRemindersAreOn() {
        // GIVEN daily reminders and a chat told of an outage
        h = new NotifyHarness(dir, NotifyHarness.unlimited().withReminderInterval(Duration.ofHours(24)));
        h.subscriptions.subscribe(tg("1"), AS1);
        h.outageStarted("AS131279");
        h.notifier.drainOnce();

        // WHEN a day has not quite passed
        h.clock.advance(Duration.ofHours(23));
        assertThat(h.notifier.enqueueReminders()).isZero();

        // WHEN two days have passed, checked now and then
        h.clock.advance(Duration.ofHours(1));
        assertThat(h.notifier.enqueueReminders()).isEqualTo(1);
        assertThat(h.notifier.enqueueReminders()).isZero();
        h.notifier.drainOnce();
        h.clock.advance(Duration.ofHours(24));
        assertThat(h.notifier.enqueueReminders()).isEqualTo(1);
        h.notifier.drainOnce();

        // THEN the chat was reminded twice, as replies to the announcement
        var got = h.telegram.deliveredTo("1");
        assertThat(got).extracting(d -> d.message().headline()).containsExactly("OUTAGE_STARTED AS131279 #1",
                "AS131279 name is still offline after 1 day", "AS131279 name is still offline after 2 days");
        assertThat(got.get(2).refId()).isEqualTo(h.telegram.idOf(got.get(0)));
    }

    @Test
    void remindersAreOffByDefault() {
        h = new NotifyHarness(dir);
        h.subscriptions.subscribe(tg("1"), AS1);
        h.outageStarted("AS131279");
        h.clock.advance(Duration.ofDays(3));
        assertThat(h.notifier.enqueueReminders()).isZero();
    }

    @Test
    void finishedRowsArePrunedAfterTheirKeepTime() {
        h = new NotifyHarness(dir);
        h.subscriptions.subscribe(tg("1"), AS1);
        long outage = h.outageStarted("AS131279");
        h.restored("AS131279", outage);
        h.notifier.drainOnce();
        // the rows to prune: an empty outbox afterwards says nothing unless they were there
        assertThat(h.outboxStates()).containsExactly("telegram:1 OUTAGE SENT", "telegram:1 RESOLVED_EDIT SENT",
                "telegram:1 RESTORATION SENT");
        h.clock.advance(Duration.ofDays(31));
        h.notifier.maintain();
        assertThat(h.outboxStates()).isEmpty();
    }
}
