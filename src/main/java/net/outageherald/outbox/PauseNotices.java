package net.outageherald.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.outageherald.config.Durations;
import net.outageherald.model.Delivery;
import net.outageherald.model.Destination;
import net.outageherald.model.Message;
import net.outageherald.model.SendReason;
import net.outageherald.model.Status;
import net.outageherald.store.OutboxRepository;
import net.outageherald.store.OutboxRepository.NewRow;

/**
 * Tells the operators ({@code notify.operators}, and the console when it is on) that delivery to a destination
 * is paused, as a monitoring notice written to the outbox in the transaction that records the pause, so it is
 * sent like any other message and exactly once per pause. The paused destination itself is not told: it
 * cannot hear it.
 */
public final class PauseNotices {

    private final List<Destination> operators;
    private final Duration retryEvery;
    private final Duration maxAge;
    private final OutboxRepository outbox;

    /**
     * @param operators  the operator destinations that can be delivered to (their platform has a sender)
     * @param retryEvery how often a paused destination is tried again ({@code notify.retry-paused})
     * @param maxAge     how long its messages wait at most ({@code notify.max-message-age})
     */
    public PauseNotices(List<Destination> operators, Duration retryEvery, Duration maxAge, OutboxRepository outbox) {
        this.operators = List.copyOf(operators);
        this.retryEvery = retryEvery;
        this.maxAge = maxAge;
        this.outbox = outbox;
    }

    /**
     * Writes the notice for every operator but {@code paused}, and for {@code alsoTell} (the paused
     * destination's own server, where the bot may still post) unless it is one of those; returns how many.
     */
    int paused(Connection tx, Destination paused, String reason, Destination alsoTell, Instant now)
            throws SQLException {
        Message notice = message(paused, reason, now);
        List<NewRow> rows = new ArrayList<>(operators.stream().filter(o -> !o.equals(paused))
                .map(o -> new NewRow(o, Delivery.Action.SEND, SendReason.MONITORING, null, null, null, notice))
                .toList());
        if (alsoTell != null && !alsoTell.equals(paused) && !operators.contains(alsoTell)) {
            rows.add(new NewRow(alsoTell, Delivery.Action.SEND, SendReason.MONITORING, null, null, null,
                    serverMessage(reason, now)));
        }
        if (!rows.isEmpty()) {
            outbox.enqueue(tx, rows, now);
        }
        return rows.size();
    }

    private Message message(Destination paused, String reason, Instant now) {
        return new Message(Status.UNKNOWN, "Delivery to " + paused + " is paused",
                "The bot may not post there now: " + reason + ". Its messages wait and are tried again every "
                        + Durations.format(retryEvery) + " for up to " + Durations.format(maxAge)
                        + "; its subscriptions stay. Delivery resumes by itself once the bot may post there again.",
                List.of(), now, null, null);
    }

    /** For the people of the paused channel's server: what is wrong and what they can do about it. */
    private Message serverMessage(String reason, Instant now) {
        return new Message(Status.UNKNOWN, "Outage messages to a channel of this server are paused",
                "The bot may not post in a channel it has subscriptions for: " + reason + ". Give it back View"
                        + " Channel, Send Messages and Embed Links there; until then its messages wait (tried again"
                        + " every " + Durations.format(retryEvery) + " for up to " + Durations.format(maxAge)
                        + ") and nothing is unsubscribed. This is said once per pause.",
                List.of(), now, null, null);
    }
}

