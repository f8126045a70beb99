package net.outageherald.notify;

import static net.outageherald.testing.NotifyHarness.tg;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.outageherald.model.Countries;
import net.outageherald.model.Delivery;
import net.outageherald.model.EventType;
import net.outageherald.model.Status;
import net.outageherald.model.Target;
import net.outageherald.model.TargetParser;
import net.outageherald.subscribe.Subscriptions;
import net.outageherald.testing.NotifyHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who hears what: the notification log alone decides who is owed a restoration. */
class RestorationTest {

    private static final Target AS1 = new Target.As(131279);
    private static final Target AS2 = new Target.As(4837);

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
    void restorationGoesOnlyToDestinationsThatHeardTheOutage() {
        // GIVEN two chats follow AS131279 and a third follows another AS
        h.subscriptions.subscribe(tg("1"), AS1);
        h.subscriptions.subscribe(tg("2"), AS1);
        h.subscriptions.subscribe(tg("3"), AS2);
        long outage = h.outageStarted("AS131279");
        h.notifier.drainOnce();

        // WHEN the outage ends
        h.restored("AS131279", outage);
        h.notifier.drainOnce();

        // THEN the two that heard it get the announcement edited and the restoration as a reply to it
        for (String chat : List.of("1", "2")) {
            List<Delivery> got = h.telegram.deliveredTo(chat);
            assertThat(got).extracting(d -> d.action() + " " + d.message().headline().split(" ")[0])
                    .containsExactly("SEND OUTAGE_STARTED", "EDIT RESOLVED", "SEND RESTORED");
            String announcement = h.telegram.idOf(got.get(0));
            assertThat(got.get(1).refId()).isEqualTo(announcement);
            assertThat(got.get(2).refId()).isEqualTo(announcement);
        }
        // AND the one following something else hears nothing
        assertThat(h.telegram.deliveredTo("3")).isEmpty();
    }

    @Test
    void restorationWrittenBeforeTheAnnouncementWasSentStillRepliesToIt() {
        // GIVEN an outage whose announcement has not been delivered yet
        h.subscriptions.subscribe(tg("1"), AS1);
        long outage = h.outageStarted("AS131279");

        // WHEN it ends before the workers ran, and then they run
        h.restored("AS131279", outage);
        h.notifier.drainOnce();

        // THEN the edit and the reply still point at the announcement, looked up when they were sent
        List<Delivery> got = h.telegram.deliveredTo("1");
        assertThat(got).hasSize(3);
        assertThat(got.get(1).refId()).isEqualTo(h.telegram.idOf(got.get(0)));
        assertThat(got.get(2).refId()).isEqualTo(h.telegram.idOf(got.get(0)));
    }

    @Test
    void midOutageSubscriberIsToldInTheAnswerAndGetsTheRestorationWithoutAnEdit() {
        // GIVEN an outage announced to one chat
        h.subscriptions.subscribe(tg("1"), AS1);
        long outage = h.outageStarted("AS131279");
        h.notifier.drainOnce();
        h.clock.advance(Duration.ofHours(1));

        // WHEN another chat subscribes during it
        Subscriptions.Result result = h.subscriptions.subscribe(tg("2"), AS1);

        // THEN the answer says the target is in an outage
        assertThat(result.outcome()).isEqualTo(Subscriptions.Outcome.ADDED);
        assertThat(result.ongoing()).isEqualTo(new Subscriptions.Ongoing(outage, Status.DOWN, NotifyHarness.T0));

        // AND the restoration reaches it, as a plain message since there is nothing of ours to edit
        h.restored("AS131279", outage);
        h.notifier.drainOnce();
        assertThat(h.telegram.deliveredTo("2")).singleElement().satisfies(d -> {
            assertThat(d.action()).isEqualTo(Delivery.Action.SEND);
            assertThat(d.message().headline()).startsWith("RESTORED");
            assertThat(d.refId()).isNull();
        });
        assertThat(h.outboxStates()).contains("telegram:2 RESOLVED_EDIT SKIPPED");
    }

    @Test
    void destinationThatUnsubscribedDuringTheOutageGetsNoRestoration() {
        // GIVEN two chats told of an outage
        h.subscriptions.subscribe(tg("1"), AS1);
        h.subscriptions.subscribe(tg("2"), AS1);
        long outage = h.outageStarted("AS131279");
        h.notifier.drainOnce();

        // WHEN one unsubscribes before it ends
        assertThat(h.subscriptions.unsubscribe(tg("2"), AS1)).isTrue();
        h.restored("AS131279", outage);
        h.notifier.drainOnce();

        // THEN only the other hears the restoration
        assertThat(h.telegram.linesTo("2")).hasSize(1);
        assertThat(h.telegram.linesTo("1")).hasSize(3);
    }

    @Test
    void changeOfSeverityGoesToThoseToldOfTheOutage() {
        // GIVEN an outage announced to a chat, and a chat following another target
        h.subscriptions.subscribe(tg("1"), AS1);
        h.subscriptions.subscribe(tg("3"), AS2);
        long outage = h.outageStarted("AS131279");

        // WHEN it goes from DOWN to PARTIAL
        h.outageChanged("AS131279", outage, Status.PARTIAL);
        h.notifier.drainOnce();

        // THEN the chat that was told hears the change as a reply to the announcement
        List<Delivery> got = h.telegram.deliveredTo("1");
        assertThat(got).extracting(d -> d.message().headline().split(" ")[0])
                .containsExactly("OUTAGE_STARTED", "OUTAGE_CHANGED");
        assertThat(got.get(1).refId()).isEqualTo(h.telegram.idOf(got.get(0)));
        assertThat(h.telegram.deliveredTo("3")).isEmpty();
    }

    @Test
    void countrySubscriptionHearsTheCountryAsAWhole() {
        // GIVEN a chat following North Korea, typed as people type it
        Target kp = new TargetParser(Countries.all()).parse("North Korea");
        h.subscriptions.subscribe(tg("1"), kp);

        // WHEN the country goes dark
        h.outageStarted("KP");
        h.notifier.drainOnce();

        // THEN it hears of it
        assertThat(h.telegram.linesTo("1")).singleElement().asString().contains("OUTAGE_STARTED KP");
    }

    @Test
    void monitoringNoticesGoToOperatorsOnly() {
        // GIVEN an operator chat and a subscriber
        h.close();
        h = new NotifyHarness(dir, NotifyHarness.unlimited().withOperators(List.of(tg("-99"))));
        h.subscriptions.subscribe(tg("1"), AS1);

        // WHEN monitoring of the target degrades, and later an outage starts
        h.monitoring(EventType.MONITORING_DEGRADED, "AS131279");
        long outage = h.outageStarted("AS131279");
        h.restored("AS131279", outage);
        h.notifier.drainOnce();

        // THEN the subscriber hears only the outage and its end; the operator hears everything
        assertThat(h.telegram.linesTo("1")).extracting(l -> l.split(" ")[1])
                .containsExactly("OUTAGE_STARTED", "RESOLVED", "RESTORED");
        assertThat(h.telegram.linesTo("-99")).extracting(l -> l.split(" ")[1])
                .containsExactly("MONITORING_DEGRADED", "OUTAGE_STARTED", "RESOLVED", "RESTORED");
    }

    @Test
    void destinationFollowingBothStaticallyAndByCommandHearsOnce() {
        // GIVEN a channel that follows AS131279 from the config and by command
        h.subscriptions.syncStatic(java.util.Map.of(tg("@news"), List.of(AS1)));
        h.subscriptions.subscribe(tg("@news"), AS1);

        // WHEN an outage starts
        h.outageStarted("AS131279");
        h.notifier.drainOnce();

        // THEN it hears of it once
        assertThat(h.telegram.linesTo("@news")).hasSize(1);
    }
}
