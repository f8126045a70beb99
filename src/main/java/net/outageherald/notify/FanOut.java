package net.outageherald.notify;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.outageherald.detect.EventSink;
import net.outageherald.detect.PendingChange;
import net.outageherald.model.Delivery.Action;
import net.outageherald.model.Destination;
import net.outageherald.model.Event;
import net.outageherald.model.Message;
import net.outageherald.model.Platform;
import net.outageherald.model.SendReason;
import net.outageherald.nflog.NotificationLog.How;
import net.outageherald.nflog.NotificationLog;
import net.outageherald.notify.message.Messages;
import net.outageherald.store.OutboxRepository.NewRow;
import net.outageherald.store.OutboxRepository;
import net.outageherald.store.SubscriptionRepository;

/**
 * Decides who hears an event and writes their outbox rows in the event's own transaction:
 * <ul>
 *   <li>outage started: every follower of the target and every operator; all are logged as told;</li>
 *   <li>outage changed: those told of the outage, and the operators;</li>
 *   <li>restored: those told of the outage get the announcement edited as resolved and the restoration
 *       as a reply to it; operators get the restoration too;</li>
 *   <li>monitoring degraded/recovered: operators only, never subscribers.</li>
 * </ul>
 * Destinations on a platform without a sender are left out (that platform is not configured). A change being
 * confirmed has its chart drawn meanwhile, so that the message does not wait for it.
 */
final class FanOut implements EventSink {

    private final Messages messages;
    private final List<Destination> operators;
    private final Set<Platform> deliverable;
    private final SubscriptionRepository subscriptions = new SubscriptionRepository();
    private final NotificationLog log;
    private final OutboxRepository outbox;
    private final Clock clock;
    private final Runnable wake;
    private final ChartPreparer charts;

    /** @param charts draws the charts of the outages and restorations being confirmed */
    FanOut(Messages messages, List<Destination> operators, Set<Platform> deliverable, OutboxRepository outbox,
           NotificationLog log, Clock clock, Runnable wake, ChartPreparer charts) {
        this.charts = charts;
        this.log = log;
        this.messages = messages;
        this.operators = List.copyOf(operators);
        this.deliverable = Set.copyOf(deliverable);
        this.outbox = outbox;
        this.clock = clock;
        this.wake = wake;
    }

    @Override
    public void onEvent(Connection tx, Event event) throws SQLException {
        Instant now = clock.instant();
        Long outage = event.outageId();
        List<NewRow> rows = new ArrayList<>();
        switch (event.type()) {
            case OUTAGE_STARTED -> {
                Set<Destination> to = deliverable(subscriptions.followers(tx, event.targetKey()), operators);
                Message m = messages.forEvent(event);
                to.forEach(d -> rows.add(row(d, Action.SEND, SendReason.OUTAGE, event, m)));
                if (outage != null) {
                    log.record(tx, to, outage, event.targetKey(), How.ANNOUNCED, now);
                }
            }
            case OUTAGE_CHANGED -> {
                Set<Destination> to = deliverable(told(tx, outage), operators);
                Message m = messages.forEvent(event);
                to.forEach(d -> rows.add(row(d, Action.SEND, SendReason.CHANGE, event, m)));
            }
            case RESTORED -> {
                List<Destination> told = told(tx, outage);
                Message edited = messages.resolvedOriginal(event);
                Message m = messages.forEvent(event);
                for (Destination d : deliverable(told, operators)) {
                    if (told.contains(d)) {
                        rows.add(row(d, Action.EDIT, SendReason.RESOLVED_EDIT, event, edited));
                    }
                    rows.add(row(d, Action.SEND, SendReason.RESTORATION, event, m));
                }
                if (outage != null) {
                    log.resolve(tx, outage, now);
                }
            }
            case MONITORING_DEGRADED, MONITORING_RECOVERED -> {
                Message m = messages.forEvent(event);
                deliverable(List.of(), operators).forEach(d -> rows.add(row(d, Action.SEND, SendReason.MONITORING, event, m)));
            }
        }
        outbox.enqueue(tx, rows, now);
    }

    @Override
    public void afterCommit(List<Event> events) {
        wake.run();
    }

    /** A streak towards an outage or a restoration began: its chart is drawn while it is being confirmed. */
    @Override
    public void pending(List<PendingChange> changes) {
        changes.forEach(charts::prepare);
    }

    private List<Destination> told(Connection tx, Long outage) throws SQLException {
        return outage == null ? List.of() : log.told(tx, outage);
    }

    private Set<Destination> deliverable(Collection<Destination> first, Collection<Destination> more) {
        Set<Destination> out = new LinkedHashSet<>();
        for (Destination d : first) {
            if (deliverable.contains(d.platform())) {
                out.add(d);
            }
        }
        for (Destination d : more) {
            if (deliverable.contains(d.platform())) {
                out.add(d);
            }
        }
        return out;
    }

    private static NewRow row(Destination d, Action action, SendReason reason, Event e, Message m) {
        return new NewRow(d, action, reason, e.targetKey(), e.id() == 0 ? null : e.id(), e.outageId(), m);
    }
}
