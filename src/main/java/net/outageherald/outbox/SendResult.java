package net.outageherald.outbox;

import java.time.Duration;

/**
 * What a platform made of one send. Senders never throw for platform errors: they classify them here,
 * and the outbox decides (Alertmanager's "retry only the retryable").
 */
public sealed interface SendResult {

    /** Accepted; {@code messageId} is the platform's id, kept for later edits and replies (may be null). */
    public record Sent(String messageId) implements SendResult {
    }

    /** Worth retrying: timeouts, 5xx, 429. {@code retryAfter} is the platform's own wait, or null. */
    public record Retry(String reason, Duration retryAfter) implements SendResult {
    }

    /** Never worth retrying to this destination: bot removed or blocked, chat gone, forbidden. */
    public record Permanent(String reason) implements SendResult {
    }

    /** The chat moved (a Telegram group became a supergroup): resend to {@code newId} and move subscriptions. */
    public record Moved(String newId) implements SendResult {
    }
}
