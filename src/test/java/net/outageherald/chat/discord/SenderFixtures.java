package net.outageherald.chat.discord;

import java.time.Instant;
import java.util.List;
import net.outageherald.model.Status;
import net.outageherald.model.Delivery;
import net.outageherald.model.Destination;
import net.outageherald.model.Message;
import net.outageherald.model.Platform;

/** Outbox rows as the delivery pipeline hands them to the sender. */
final class SenderFixtures {

    static final Instant BEGAN = Instant.parse("2014-12-22T16:15:00Z");

    private SenderFixtures() {
    }

    static Message outageMessage() {
        return new Message(Status.DOWN, "North Korea (KP) is offline",
                "AS131279 Star Joint Venture: all 4 prefixes (1,024 addresses) withdrawn.",
                List.of(new Message.Field("Peers", "0 of 312 RIS peers (normally 305)", true),
                        new Message.Field("Since", "16:15 UTC (01:15 KST)", true)),
                BEGAN, "https://stat.ripe.net/app/AS131279", "Data: RIPE NCC RIS");
    }

    static Message restoredMessage() {
        return new Message(Status.UP, "North Korea (KP) is back online after 9 h 31 min",
                "4 of 4 prefixes visible to 301 RIS peers.", List.of(), BEGAN.plusSeconds(34260), null, null);
    }

    static Delivery outage(long outboxId, String channelId) {
        return new Delivery(outboxId, discord(channelId), Delivery.Action.SEND, outageMessage(), null);
    }

    static Delivery resolvedEdit(long outboxId, String channelId, String messageId) {
        Message resolved = new Message(Status.UP, "Resolved: North Korea (KP) was offline for 9 h 31 min",
                outageMessage().summary(), outageMessage().fields(), BEGAN, outageMessage().link(), null);
        return new Delivery(outboxId, discord(channelId), Delivery.Action.EDIT, resolved, messageId);
    }

    static Delivery restorationReply(long outboxId, String channelId, String originalId) {
        return new Delivery(outboxId, discord(channelId), Delivery.Action.SEND, restoredMessage(), originalId);
    }

    static Destination discord(String channelId) {
        return new Destination(Platform.DISCORD, channelId);
    }
}
