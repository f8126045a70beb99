package net.outageherald.outbox;

import java.time.Instant;
import net.outageherald.store.OutboxRow;

/** What became of one claimed row, waiting to be written together with others in one transaction. */
sealed interface Outcome {

    OutboxRow row();

    /** The platform answered (a sender that failed to ask counts as a Retry). */
    record Answered(OutboxRow row, SendResult result, Instant at) implements Outcome {
    }

    /** An edit of an announcement that was never sent (dropped, or the destination joined mid-outage). */
    record Skipped(OutboxRow row, Instant at) implements Outcome {
    }

    /** The destination's own rate limit: back to the queue until {@code until}, no attempt counted. */
    record Deferred(OutboxRow row, Instant until) implements Outcome {
    }
}
