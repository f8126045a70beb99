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
}
