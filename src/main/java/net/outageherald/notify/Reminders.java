package net.outageherald.notify;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.outageherald.model.Delivery;
import net.outageherald.model.Event;
import net.outageherald.model.Message;
import net.outageherald.model.Platform;
import net.outageherald.model.SendReason;
import net.outageherald.nflog.NotificationLog.Due;
import net.outageherald.nflog.NotificationLog;
import net.outageherald.notify.message.Messages;
import net.outageherald.store.Database;
import net.outageherald.store.EventRepository;
import net.outageherald.store.OutboxRepository.NewRow;
import net.outageherald.store.OutboxRepository;
import net.outageherald.store.StoreException;

/**
 * Optional reminders for long outages: every {@code reminder-interval}, each destination told of an
 * outage that is still open gets "still offline after 2 days" as a reply to the announcement.
 */
final class Reminders {

    private final Database db;
    private final Messages messages;
    private final OutboxRepository outbox;
    private final Set<Platform> deliverable;
    private final Duration interval;
    private final Clock clock;
    private final NotificationLog log;
    private final EventRepository events = new EventRepository();

    Reminders(Database db, Messages messages, OutboxRepository outbox, NotificationLog log, Set<Platform> deliverable,
              Duration interval, Clock clock) {
        this.log = log;
        this.db = db;
        this.messages = messages;
        this.outbox = outbox;
        this.deliverable = Set.copyOf(deliverable);
        this.interval = interval;
        this.clock = clock;
    }

    /** Writes the reminders that are due; returns how many. */
    int enqueueDue() {
        if (interval.isZero()) {
            return 0;
        }
        Instant now = clock.instant();
        return db.inTransaction(tx -> {
            Map<Long, Optional<Event>> latest = new HashMap<>();
            Map<Long, Message> texts = new HashMap<>();
            List<NewRow> rows = new ArrayList<>();
            for (Due due : log.dueForReminder(tx, now.minus(interval))) {
                if (!deliverable.contains(due.destination().platform())) {
                    continue;
                }
                Optional<Event> event = latest.computeIfAbsent(due.outageId(), id -> latestEvent(tx, id));
                if (event.isEmpty()) {
                    continue;
                }
                Message m = texts.computeIfAbsent(due.outageId(),
                        id -> messages.reminder(event.get(), Duration.between(due.outageStart(), now)));
                rows.add(new NewRow(due.destination(), Delivery.Action.SEND, SendReason.REMINDER, due.targetKey(),
                        event.get().id(), due.outageId(), m));
                log.touch(tx, due.destination(), due.outageId(), now);
            }
            outbox.enqueue(tx, rows, now);
            return rows.size();
        });
    }

    private Optional<Event> latestEvent(Connection tx, long outageId) {
        try {
            return events.latestAnnouncement(tx, outageId);
        } catch (SQLException e) {
            throw new StoreException("cannot read the latest event of outage " + outageId, e);
        }
    }
}
