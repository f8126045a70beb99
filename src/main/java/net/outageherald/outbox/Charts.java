package net.outageherald.outbox;

import java.util.Optional;
import net.outageherald.store.OutboxRow;

/**
 * The chart that goes with a row's message, looked up at delivery, on the sender's thread: rows carry text
 * only, and every row of one event shares one chart, drawn once and kept for a while (fan-out to thousands of
 * chats draws it once). An implementation answers within a few seconds and never throws; no chart (the row
 * has none, there is too little history, drawing failed or took too long) means the message goes as text,
 * as it would have without charts.
 */
@FunctionalInterface
public interface Charts {

    /** No charts at all. */
    Charts NONE = row -> Optional.empty();

    /** The PNG to attach to this row's new message, if it gets one. */
    Optional<byte[]> chartFor(OutboxRow row);
}
