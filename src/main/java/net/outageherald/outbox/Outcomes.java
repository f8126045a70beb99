package net.outageherald.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import net.outageherald.model.Destination;
import net.outageherald.model.Platform;
import net.outageherald.model.SendReason;
import net.outageherald.nflog.NotificationLog;
import net.outageherald.outbox.NotifyMetrics.Failure;
import net.outageherald.store.Database;
import net.outageherald.store.OutboxRepository;
import net.outageherald.store.OutboxRow;

/**
 * Records what a platform made of a send, in one transaction per row. The decision table:
 * <pre>
 *   Sent      → SENT, keep the platform's message id (the outage announcement's also in the log)
 *   Retry     → back to the queue: the platform's retry-after, else capped backoff with jitter;
 *               the destination's later rows wait behind it
 *   Permanent → FAILED; the destination's subscriptions, log rows and pending rows end (logged once)
 *   Moved     → subscriptions, log and pending rows (this one too) move to the new id, due now
 * </pre>
 * Rows past max-message-age are dropped before they are claimed, not here.
 */
public final class Outcomes {

    private final Database db;
    private final OutboxRepository outbox;
    private final NotificationLog log;
    private final DestinationEvents subscriptions;
    private final Backoff backoff;
    private final NotifyMetrics metrics;
    private final FailureLog failures;

    public Outcomes(Database db, OutboxRepository outbox, NotificationLog log, DestinationEvents subscriptions, Backoff backoff, NotifyMetrics metrics,
             Platform platform) {
        this.db = db;
        this.outbox = outbox;
        this.log = log;
        this.subscriptions = subscriptions;
        this.backoff = backoff;
        this.metrics = metrics;
        this.failures = new FailureLog(platform);
    }

    void record(OutboxRow row, SendResult result, Instant now) {
        db.inTransaction(tx -> {
            record(tx, row, result, now);
            return null;
        });
        count(row, result);
    }

    /** An edit of an announcement that was never sent (dropped, or the destination joined mid-outage). */
    void skip(OutboxRow row, Instant now) {
        db.inTransaction(tx -> {
            outbox.finish(tx, row.id(), "SKIPPED", row.attempts(), now, null, "no announcement to edit");
            return null;
        });
    }

    private void record(Connection tx, OutboxRow row, SendResult result, Instant now) throws SQLException {
        int attempts = row.attempts() + 1;
        if (result instanceof SendResult.Sent sent) {
            outbox.finish(tx, row.id(), "SENT", attempts, now, sent.messageId(), null);
            if (row.reason() == SendReason.OUTAGE && row.outageId() != null && sent.messageId() != null) {
                log.recordMessageRef(tx, row.destination(), row.outageId(), sent.messageId());
            }
        } else if (result instanceof SendResult.Retry retry) {
            Duration wait = backoff.delay(attempts, retry.retryAfter());
            outbox.reschedule(tx, row.id(), attempts, now.plus(wait), retry.reason());
        } else if (result instanceof SendResult.Permanent permanent) {
            outbox.finish(tx, row.id(), "FAILED", attempts, now, null, permanent.reason());
            subscriptions.ended(tx, row.destination(), permanent.reason(), now);
        } else if (result instanceof SendResult.Moved moved) {
            Destination to = new Destination(row.destination().platform(), moved.newId());
            if (to.equals(row.destination())) {
                outbox.reschedule(tx, row.id(), attempts, now.plus(backoff.delay(attempts, null)),
                        "moved to its own id");
            } else {
                outbox.reschedule(tx, row.id(), row.attempts(), now, "moved to " + to);
                subscriptions.moved(tx, row.destination(), to, now);
            }
        }
    }

    private void count(OutboxRow row, SendResult result) {
        Platform p = row.destination().platform();
        if (result instanceof SendResult.Sent) {
            metrics.sent(p, row.action());
            failures.succeeded();
        } else if (result instanceof SendResult.Retry retry) {
            metrics.failed(p, retry.retryAfter() != null ? Failure.RATE_LIMITED : Failure.RETRY, 1);
            failures.failed(row.destination(), retry.reason());
        } else if (result instanceof SendResult.Permanent) {
            metrics.failed(p, Failure.PERMANENT, 1);
        } else if (result instanceof SendResult.Moved) {
            metrics.failed(p, Failure.MOVED, 1);
        }
    }
}
