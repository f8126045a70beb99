package net.outageherald.chat.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import net.outageherald.model.Status;
import net.outageherald.model.Delivery;
import net.outageherald.model.Destination;
import net.outageherald.model.Message;
import net.outageherald.outbox.SendResult;
import org.junit.jupiter.api.Test;

class ConsoleSenderTest {

    private final Message outage = new Message(Status.DOWN, "North Korea (KP) is offline",
            "AS131279 Star Joint Venture: all 4 prefixes withdrawn.",
            List.of(new Message.Field("Peers", "0 of 312", true), new Message.Field("Since", "16:15 UTC", false)),
            Instant.parse("2014-12-22T16:15:00Z"), "https://stat.ripe.net/AS131279", null);

    @Test
    void plainTextHasTheHeadlineWithItsEmojiThenSummaryFactsAndLink() {
        assertThat(PlainText.render(outage)).isEqualTo("""
                🔴 North Korea (KP) is offline
                AS131279 Star Joint Venture: all 4 prefixes withdrawn.
                Peers: 0 of 312
                Since: 16:15 UTC
                Evidence: https://stat.ripe.net/AS131279""");
    }

    @Test
    void printsEachMessageAndAnswersWithAnIdThatEditsAndRepliesReferTo() {
        // GIVEN a console on a buffer
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        ConsoleSender console = new ConsoleSender(new PrintStream(buffer, true, StandardCharsets.UTF_8));

        // WHEN an outage, its edit and a reply are printed
        SendResult first = console.send(new Delivery(7, Destination.console(), Delivery.Action.SEND, outage, null));
        console.send(new Delivery(8, Destination.console(), Delivery.Action.EDIT,
                Message.text(Status.UP, "North Korea (KP) was offline for 9 h 31 min", ""), "console-7"));
        console.send(new Delivery(9, Destination.console(), Delivery.Action.SEND,
                Message.text(Status.UP, "North Korea (KP) is back online", ""), "console-7"));

        // THEN each is a block that says what it refers to; the edit prints nothing (a console cannot change
        // what it printed, and the reply that follows says it all)
        assertThat(first).isEqualTo(new SendResult.Sent("console-7"));
        assertThat(buffer.toString(StandardCharsets.UTF_8))
                .contains("[console-7]\n🔴 North Korea (KP) is offline\n")
                .doesNotContain("was offline for 9 h 31 min")
                .contains("[console-9, in reply to console-7]\n🟢 North Korea (KP) is back online\n");
    }

    @Test
    void warmUpPrintsNothing() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        ConsoleSender console = new ConsoleSender(new PrintStream(buffer, true, StandardCharsets.UTF_8));

        console.warmUp(new Delivery(7, Destination.console(), Delivery.Action.SEND, outage, null));

        assertThat(buffer.size()).isZero();
    }
}
