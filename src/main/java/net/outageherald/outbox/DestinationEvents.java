package net.outageherald.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import net.outageherald.model.Destination;

/**
 * What delivery learned about a destination that the subscription room acts on, inside the transaction
 * that records the send's outcome. Delivery only reports; it never decides what happens to subscriptions.
 */
public interface DestinationEvents {

    /**
     * The platform confirmed the destination is gone for good (bot removed or blocked, chat deleted). What
     * commands subscribed ends; what the config subscribed is the operator's to end. A destination the bot
     * may only not post to for now is paused by delivery itself and never reported here.
     */
    void ended(Connection tx, Destination destination, String reason, Instant now) throws SQLException;

    /** The destination has a new id (a Telegram group became a supergroup). */
    void moved(Connection tx, Destination from, Destination to, Instant now) throws SQLException;
}
