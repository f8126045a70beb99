package net.outageherald.nflog;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import net.outageherald.model.Destination;

/**
 * What was told to whom, per (destination, outage): the only thing that decides who is owed a restoration,
 * as Alertmanager's nflog does. Fan-out asks it who heard of an outage; delivery records the platform's
 * id of an announcement; subscriptions forget or move a destination. Every operation runs inside the
 * caller's transaction, so a message and the record that it is owed are written together.
 */
public interface NotificationLog {

    /** How a destination came to know of an outage. */
    enum How {
        /** We sent it the outage message. */
        ANNOUNCED,
        /** It subscribed while the outage was on, and the subscribe answer said so. */
        JOINED
    }

    /** A destination still in an outage, last told before the reminder cut-off. */
    record Due(Destination destination, long outageId, String targetKey, Instant outageStart) {
    }

    /** These destinations know of the outage now; destinations already recorded stay as they were. */
    void record(Connection tx, Collection<Destination> destinations, long outageId, String targetKey, How how,
                Instant now) throws SQLException;

    /** Who knows of the outage: exactly those a restoration is owed to. */
    List<Destination> told(Connection tx, long outageId) throws SQLException;

    /** The outage is over; its rows are kept until pruned. */
    void resolve(Connection tx, long outageId, Instant now) throws SQLException;

    /** The platform's id of the announcement at this destination, for the edit and the reply. */
    void recordMessageRef(Connection tx, Destination destination, long outageId, String messageRef)
            throws SQLException;

    /** Open outages whose destination was last told before {@code cutoff}. */
    List<Due> dueForReminder(Connection tx, Instant cutoff) throws SQLException;

    /** The destination was reminded now. */
    void touch(Connection tx, Destination destination, long outageId, Instant now) throws SQLException;

    /** Moves a destination's rows to its new id (a Telegram group that became a supergroup). */
    int move(Connection tx, Destination from, Destination to) throws SQLException;

    /** Forgets a destination entirely (it went away). */
    int forget(Connection tx, Destination destination) throws SQLException;

    /** Forgets the open outages of a target for a destination that stopped following it. */
    int forgetOpen(Connection tx, Destination destination, String targetKey) throws SQLException;

    /** Deletes rows of outages resolved before {@code before}; gives how many. */
    int prune(Connection tx, Instant before) throws SQLException;
}
