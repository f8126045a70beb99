package net.outageherald.detect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import net.outageherald.model.Event;

/** Where events go once decided: notification writes its outbox rows in the event's own transaction. */
public interface EventSink {

    /** Inside the transaction that stores the event: record everything that must follow from it. */
    void onEvent(Connection tx, Event event) throws SQLException;

    /** After that transaction committed: wake whatever delivers. */
    default void afterCommit(List<Event> events) {
    }

    /**
     * After the transaction of a judging that began these streaks committed (once per streak, never for one the
     * same judging confirmed): prepare what their events will need. Must return at once and never throw.
     */
    default void pending(List<PendingChange> changes) {
    }
}
