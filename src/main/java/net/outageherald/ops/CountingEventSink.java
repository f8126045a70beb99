package net.outageherald.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.outageherald.detect.EventSink;
import net.outageherald.detect.PendingChange;
import net.outageherald.model.Event;
import net.outageherald.model.EventType;

/**
 * Counts the detector's events by type ({@code herald_events_total{type}}) on their way to the real
 * sink. Counted after commit, so a rolled-back round counts nothing; every type starts at 0 so that
 * rates work from the first scrape.
 */
public final class CountingEventSink implements EventSink {

    private final EventSink next;
    private final Map<EventType, Counter> counters = new EnumMap<>(EventType.class);

    public CountingEventSink(EventSink next, MeterRegistry registry) {
        this.next = next;
        for (EventType type : EventType.values()) {
            counters.put(type, Counter.builder("herald.events").tag("type", type.name().toLowerCase(Locale.ROOT))
                    .description("Events decided by the detector").register(registry));
        }
    }

    @Override
    public void onEvent(Connection tx, Event event) throws SQLException {
        next.onEvent(tx, event);
    }

    @Override
    public void afterCommit(List<Event> events) {
        events.forEach(e -> counters.get(e.type()).increment());
        next.afterCommit(events);
    }

    @Override
    public void pending(List<PendingChange> changes) {
        next.pending(changes);
    }
}
