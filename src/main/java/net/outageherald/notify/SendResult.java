package net.outageherald.notify;

import java.time.Duration;

/**
 * What a platform made of one send. Senders never throw for platform errors: they classify them here,
 * and the outbox decides (Alertmanager's "retry only the retryable").
 */
public sealed interface SendResult {

    /** Accepted; {@code messageId} is the platform's id, kept for later edits and replies (may be null). */
    record Sent(String messageId) implements SendResult {
    }

    /** Worth retrying: timeouts, 5xx, 429. {@code retryAfter} is the platform's own wait, or null. */
    record Retry(String reason, Duration retryAfter) implements SendResult {
    }

    /** Never worth retrying to this destination: bot removed or blocked, chat gone, forbidden. */
    record Permanent(String reason) implements SendResult {
    }

    /** The chat moved (a Telegram group became a supergroup): resend to {@code newId} and move subscriptions. */
    record Moved(String newId) implements SendResult {
    }
}
