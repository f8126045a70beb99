package net.outageherald.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.outageherald.model.Destination;
import net.outageherald.model.Platform;
import net.outageherald.model.SendReason;
import net.outageherald.nflog.NotificationLog;
import net.outageherald.outbox.NotifyMetrics.Failure;
import net.outageherald.outbox.NotifyMetrics.GivenUp;
import net.outageherald.store.OutboxRepository;
import net.outageherald.store.OutboxRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records what became of claimed rows, inside the caller's transaction (one per batch). The decision table:
 * <pre>
 *   Sent      → SENT, keep the platform's message id (the outage announcement's also in the log);
 *               a paused destination resumes (logged once)
 *   Retry     → back to the queue: the platform's retry-after, else capped backoff with jitter;
 *               the destination's later rows wait behind it
 *   Rejected  → REJECTED: only this message is dropped (logged once, counted); the destination's next
 *               rows go on (an edit of an announcement it never got is skipped, the restoration still goes)
 *   Paused    → back to the queue for retry-paused (10 min), until max-message-age drops it; the later rows
 *               wait behind it; the first pause of the destination tells the operators (and the log) once
 *   Permanent → FAILED; the subscription room ends the destination (its dynamic subscriptions, log rows
 *               and pending rows; config subscriptions stay)
 *   Moved     → subscriptions, log and pending rows (this one too) move to the new id, due now
 *   Skipped   → SKIPPED (an edit with nothing to edit); Deferred → due again when its own limit allows
 * </pre>
 * Rows past max-message-age are dropped before they are claimed, not here.
 */
public final class Outcomes {

    private static final Logger LOG = LoggerFactory.getLogger(Outcomes.class);

    private final Platform platform;
    private final OutboxRepository outbox;
    private final NotificationLog log;
    private final DestinationEvents subscriptions;
    private final Backoff backoff;
    private final Duration retryPaused;
    private final PauseNotices notices;
    private final Runnable wake;
    private final NotifyMetrics metrics;
    private final FailureLog failures;

    /**
     * @param notices what the operators are told when a destination is paused
     * @param wake    wakes every platform's worker (a notice may be due on another platform)
     */
    public Outcomes(Platform platform, OutboxRepository outbox, NotificationLog log, DestinationEvents subscriptions,
                    Backoff backoff, Duration retryPaused, PauseNotices notices, Runnable wake, NotifyMetrics metrics) {
        this.platform = platform;
        this.outbox = outbox;
        this.log = log;
        this.subscriptions = subscriptions;
        this.backoff = backoff;
        this.retryPaused = retryPaused;
        this.notices = notices;
        this.wake = wake;
        this.metrics = metrics;
        this.failures = new FailureLog(platform);
    }

    /**
     * What writing a batch left to do once it is committed (count, log, wake), and whether a row may have come
     * due through it: anything but a send that went, or a sent row's destination with more rows behind it.
     */
    record Written(List<Runnable> effects, boolean moreDue) {
    }

    /**
     * Writes a batch, in the caller's transaction.
     *
     * @param exact whether the transaction sees every row queued meanwhile (SQLite, whose transactions take
     *              turns in the process: {@code Database}); on PostgreSQL a row queued while this batch is written
     *              is invisible to it, and the claim that woke for that row saw this batch's rows still pending,
     *              so a batch of sends always counts as "more may be due" there, without asking
     */
    Written write(Connection tx, List<Outcome> batch, boolean exact) throws SQLException {
        List<Runnable> effects = new ArrayList<>();
        boolean moreDue = false;
        List<OutboxRepository.Sent> sent = new ArrayList<>();
        Set<Destination> reached = new LinkedHashSet<>();
        for (Outcome o : batch) {
            if (o instanceof Outcome.Answered a && a.result() instanceof SendResult.Sent s) {
                effects.add(sent(tx, a.row(), s, a.at(), sent));
            } else {
                effects.add(write(tx, o));
                moreDue = true; // back in the queue, skipped or given up: the worker looks again
            }
            if (o instanceof Outcome.Answered a && (a.result() instanceof SendResult.Sent
                    || a.result() instanceof SendResult.Rejected)) {
                reached.add(o.row().destination()); // the platform took the request: the bot may post there
            }
        }
        // the common case, a fan-out, costs one statement for the batch rather than one per row
        outbox.finishSent(tx, sent);
        Map<Destination, Instant> resumed = reached.isEmpty() ? Map.of() : outbox.resume(tx, platform, reached);
        resumed.forEach((d, since) -> effects.add(() -> LOG.info("{}: delivery resumed, the bot may post there again"
                + " (paused since {})", d, since)));
        if (!moreDue && !sent.isEmpty()) {
            Set<Destination> to = new LinkedHashSet<>();
            batch.forEach(o -> to.add(o.row().destination()));
            moreDue = !exact || !resumed.isEmpty() || outbox.anyPending(tx, to);
        }
        return new Written(effects, moreDue);
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
        Outcome.Answered answered = (Outcome.Answered) outcome; // a Sent one is finished with its batch
        return answered(tx, row, answered.result(), answered.at());
    }

    /** Queues the row to be finished as SENT with the batch; keeps an announcement's id in the log now. */
    private Runnable sent(Connection tx, OutboxRow row, SendResult.Sent sent, Instant now,
                          List<OutboxRepository.Sent> finish) throws SQLException {
        finish.add(new OutboxRepository.Sent(row.id(), row.attempts() + 1, now, sent.messageId()));
        if (row.reason() == SendReason.OUTAGE && row.outageId() != null && sent.messageId() != null) {
            log.recordMessageRef(tx, row.destination(), row.outageId(), sent.messageId());
        }
        return () -> {
            metrics.sent(platform, row.action());
            failures.succeeded();
        };
    }

    private Runnable answered(Connection tx, OutboxRow row, SendResult result, Instant now) throws SQLException {
        int attempts = row.attempts() + 1;
        Destination to = row.destination();
        if (result instanceof SendResult.Retry retry) {
            outbox.reschedule(tx, row.id(), attempts, now.plus(backoff.delay(attempts, retry.retryAfter())),
                    retry.reason());
            return () -> {
                metrics.failed(platform, retry.retryAfter() != null ? Failure.RATE_LIMITED : Failure.RETRY, 1);
                failures.failed(to, retry.reason());
            };
        }
        if (result instanceof SendResult.Rejected rejected) {
            // the destination stays in the notification log: it hears the rest of the outage, its end too
            outbox.finish(tx, row.id(), "REJECTED", attempts, now, null, rejected.reason());
            return () -> {
                metrics.failed(platform, Failure.REJECTED, 1);
                metrics.givenUp(platform, GivenUp.REJECTED, 1);
                LOG.warn("{}: the platform refused outbox row {} ({} {}): {}; dropped that message, the destination's"
                        + " next messages go on", to, row.id(), row.action(), row.reason(), rejected.reason());
            };
        }
        if (result instanceof SendResult.Paused paused) {
            return paused(tx, row, paused, attempts, now);
        }
        if (result instanceof SendResult.Permanent permanent) {
            outbox.finish(tx, row.id(), "FAILED", attempts, now, null, permanent.reason());
            outbox.resume(tx, platform, List.of(to));
            subscriptions.ended(tx, to, permanent.reason(), now);
            return () -> {
                metrics.failed(platform, Failure.PERMANENT, 1);
                metrics.givenUp(platform, GivenUp.ENDED, 1);
            };
        }
        SendResult.Moved moved = (SendResult.Moved) result;
        Destination newId = new Destination(to.platform(), moved.newId());
        if (newId.equals(to)) {
            outbox.reschedule(tx, row.id(), attempts, now.plus(backoff.delay(attempts, null)), "moved to its own id");
        } else {
            outbox.reschedule(tx, row.id(), row.attempts(), now, "moved to " + newId);
            outbox.resume(tx, platform, List.of(to));
            subscriptions.moved(tx, to, newId, now);
        }
        return () -> metrics.failed(platform, Failure.MOVED, 1);
    }

    private Runnable paused(Connection tx, OutboxRow row, SendResult.Paused paused, int attempts, Instant now)
            throws SQLException {
        Destination to = row.destination();
        String reason = paused.reason();
        outbox.reschedule(tx, row.id(), attempts, now.plus(retryPaused), "paused: " + reason);
        if (!outbox.pause(tx, to, reason, now)) {
            // paused before (maybe by another instance): the operators know already
            return () -> metrics.failed(platform, Failure.PAUSED, 1);
        }
        int told = notices.paused(tx, to, reason, paused.alsoTell(), now);
        return () -> {
            metrics.failed(platform, Failure.PAUSED, 1);
            LOG.warn("{}: delivery paused, the bot may not post there ({}); its messages wait, tried again every {}"
                    + " until max-message-age; subscriptions stay; {} destinations told (operators{})", to, reason,
                    retryPaused, told, paused.alsoTell() == null ? "" : " and " + paused.alsoTell());
            if (told > 0) {
                wake.run();
            }
        };
    }
}
