package net.outageherald.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.outageherald.model.Destination;
import net.outageherald.model.Platform;
import net.outageherald.model.SendReason;
import net.outageherald.nflog.NotificationLog;
import net.outageherald.outbox.NotifyMetrics.Failure;
import net.outageherald.store.OutboxRepository;
import net.outageherald.store.OutboxRow;

/**
 * Records what became of claimed rows, inside the caller's transaction (one per batch). The decision table:
 * <pre>
 *   Sent      → SENT, keep the platform's message id (the outage announcement's also in the log)
 *   Retry     → back to the queue: the platform's retry-after, else capped backoff with jitter;
 *               the destination's later rows wait behind it
 *   Permanent → FAILED; the destination's subscriptions, log rows and pending rows end (logged once)
 *   Moved     → subscriptions, log and pending rows (this one too) move to the new id, due now
 *   Skipped   → SKIPPED (an edit with nothing to edit); Deferred → due again when its own limit allows
 * </pre>
 * Rows past max-message-age are dropped before they are claimed, not here.
 */
public final class Outcomes {

    private final Platform platform;
    private final OutboxRepository outbox;
    private final NotificationLog log;
    private final DestinationEvents subscriptions;
    private final Backoff backoff;
    private final NotifyMetrics metrics;
    private final FailureLog failures;

    public Outcomes(Platform platform, OutboxRepository outbox, NotificationLog log, DestinationEvents subscriptions,
                    Backoff backoff, NotifyMetrics metrics) {
        this.platform = platform;
        this.outbox = outbox;
        this.log = log;
        this.subscriptions = subscriptions;
        this.backoff = backoff;
        this.metrics = metrics;
        this.failures = new FailureLog(platform);
    }

    /** Writes a batch; gives what to do once it is committed (count, log). */
    List<Runnable> write(Connection tx, List<Outcome> batch) throws SQLException {
        List<Runnable> effects = new ArrayList<>();
        for (Outcome o : batch) {
            effects.add(write(tx, o));
        }
        return effects;
    }

    private Runnable write(Connection tx, Outcome outcome) throws SQLException {
        OutboxRow row = outcome.row();
        if (outcome instanceof Outcome.Skipped s) {
            outbox.finish(tx, row.id(), "SKIPPED", row.attempts(), s.at(), null, "no announcement to edit");
            return () -> { };
        }
        if (outcome instanceof Outcome.Deferred d) {
            outbox.reschedule(tx, row.id(), row.attempts(), d.until(), null);
            return () -> { };
        }
        Outcome.Answered answered = (Outcome.Answered) outcome;
        return answered(tx, row, answered.result(), answered.at());
    }

    private Runnable answered(Connection tx, OutboxRow row, SendResult result, Instant now) throws SQLException {
        int attempts = row.attempts() + 1;
        Destination to = row.destination();
        if (result instanceof SendResult.Sent sent) {
            outbox.finish(tx, row.id(), "SENT", attempts, now, sent.messageId(), null);
            if (row.reason() == SendReason.OUTAGE && row.outageId() != null && sent.messageId() != null) {
                log.recordMessageRef(tx, to, row.outageId(), sent.messageId());
            }
            return () -> {
                metrics.sent(platform, row.action());
                failures.succeeded();
            };
        }
        if (result instanceof SendResult.Retry retry) {
            outbox.reschedule(tx, row.id(), attempts, now.plus(backoff.delay(attempts, retry.retryAfter())),
                    retry.reason());
            return () -> {
                metrics.failed(platform, retry.retryAfter() != null ? Failure.RATE_LIMITED : Failure.RETRY, 1);
                failures.failed(to, retry.reason());
            };
        }
        if (result instanceof SendResult.Permanent permanent) {
            outbox.finish(tx, row.id(), "FAILED", attempts, now, null, permanent.reason());
            subscriptions.ended(tx, to, permanent.reason(), now);
            return () -> metrics.failed(platform, Failure.PERMANENT, 1);
        }
        SendResult.Moved moved = (SendResult.Moved) result;
        Destination newId = new Destination(to.platform(), moved.newId());
        if (newId.equals(to)) {
            outbox.reschedule(tx, row.id(), attempts, now.plus(backoff.delay(attempts, null)), "moved to its own id");
        } else {
            outbox.reschedule(tx, row.id(), row.attempts(), now, "moved to " + newId);
            subscriptions.moved(tx, to, newId, now);
        }
        return () -> metrics.failed(platform, Failure.MOVED, 1);
    }
}
