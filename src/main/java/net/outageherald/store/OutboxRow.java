package net.outageherald.store;

import net.outageherald.model.Delivery;
import net.outageherald.model.Destination;
import net.outageherald.model.Message;
import net.outageherald.model.SendReason;
import java.time.Instant;

/**
 * A claimed outbox row with what delivery needs.
 *
 * @param announcementRef the platform id of the outage announcement at this destination, when the row
 *                        refers to one and it was sent; read at claim time, since the announcement may
 *                        not have been sent when the row was written
 * @param eventId         the event the row tells of (null for notices of our own), so that every row of one
 *                        event can share one chart
 * @param targetKey       the target the row is about, or null
 */
public record OutboxRow(long id, Destination destination, Delivery.Action action, SendReason reason, Long outageId,
                 Message message, int attempts, Instant createdAt, String announcementRef, Long eventId,
                 String targetKey) {

    /** A row that tells of no event. */
    public OutboxRow(long id, Destination destination, Delivery.Action action, SendReason reason, Long outageId,
                     Message message, int attempts, Instant createdAt, String announcementRef) {
        this(id, destination, action, reason, outageId, message, attempts, createdAt, announcementRef, null, null);
    }

    /** What the sender gets, or null for an edit of an announcement that was never sent. */
    public Delivery delivery() {
        if (action == Delivery.Action.EDIT && announcementRef == null) {
            return null;
        }
        return new Delivery(id, destination, action, message, reason.refersToAnnouncement() ? announcementRef : null);
    }
}
