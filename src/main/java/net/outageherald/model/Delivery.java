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
 */
public record Delivery(long outboxId, Destination to, Action action, Message message, String refId) {

    /** New message, or an edit of one sent before (an outage message marked resolved). */
    public enum Action { SEND, EDIT }

    public Delivery {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(message, "message");
        if (action == Action.EDIT && refId == null) {
            throw new IllegalArgumentException("an edit needs the id of the message to edit");
        }
    }

    /** A stable nonce for platforms with idempotent sends (Discord allows 25 characters). */
    public String nonce() {
        return "oh" + outboxId + (action == Action.EDIT ? "e" : "");
    }
}
