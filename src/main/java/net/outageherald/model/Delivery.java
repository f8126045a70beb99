package net.outageherald.model;

import java.util.Objects;

/**
 * One outbox row handed to a sender.
 *
 * @param outboxId  the row's id; also the idempotency key (Discord nonce)
 * @param to        the destination
 * @param action    send a new message, or edit an earlier one
 * @param message   what to say
 * @param refId     for SEND: the platform id of the message to reply to (or null); for EDIT: the message to edit
 * @param chart     a PNG to attach to a new message (a visibility chart), or null: the message goes as text alone
 */
public record Delivery(long outboxId, Destination to, Action action, Message message, String refId, byte[] chart) {

    /** New message, or an edit of one sent before (an outage message marked resolved). */
    public enum Action { SEND, EDIT }

    public Delivery {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(message, "message");
        if (action == Action.EDIT && refId == null) {
            throw new IllegalArgumentException("an edit needs the id of the message to edit");
        }
        if (action == Action.EDIT) {
            chart = null; // an edit changes the words only
        }
    }

    /** A delivery without a chart. */
    public Delivery(long outboxId, Destination to, Action action, Message message, String refId) {
        this(outboxId, to, action, message, refId, null);
    }

    /** The same delivery with {@code png} attached (null: without). */
    public Delivery withChart(byte[] png) {
        return new Delivery(outboxId, to, action, message, refId, png);
    }

    public boolean hasChart() {
        return chart != null && chart.length > 0;
    }

    /** A stable nonce for platforms with idempotent sends (Discord allows 25 characters). */
    public String nonce() {
        return "oh" + outboxId + (action == Action.EDIT ? "e" : "");
    }
}
