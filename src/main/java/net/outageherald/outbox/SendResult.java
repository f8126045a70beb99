package net.outageherald.outbox;

import java.time.Duration;
import net.outageherald.model.Destination;

/**
 * What a platform made of one send. Senders never throw for platform errors: they classify them here,
 * and the outbox decides (Alertmanager's "retry only the retryable"). The kinds say whose fault it is:
 * the moment's ({@link Retry}), the message's ({@link Rejected}), the bot's rights ({@link Paused}), or the
 * destination's for good ({@link Permanent}, {@link Moved}).
 */
public sealed interface SendResult {

    /** Accepted; {@code messageId} is the platform's id, kept for later edits and replies (may be null). */
    public record Sent(String messageId) implements SendResult {
    }

    /** Worth retrying: timeouts, 5xx, 429. {@code retryAfter} is the platform's own wait, or null. */
    public record Retry(String reason, Duration retryAfter) implements SendResult {
    }

    /**
     * This message can never be sent (too long, markup the platform cannot parse, an invalid form body); the
     * destination is fine, so only the message is dropped and the destination's next messages go on.
     */
    public record Rejected(String reason) implements SendResult {
    }

    /**
     * The bot may not post there for now (its rights were taken, the channel closed to it): the destination's
     * messages wait and are retried rarely until the rights are back or the messages grow too old. Subscriptions
     * stay; the operators are told once, and so is {@code alsoTell} when the platform has one: a place of the
     * same server where the bot may still post and its admins read (Discord's system channel), or null.
     */
    public record Paused(String reason, Destination alsoTell) implements SendResult {
        public Paused(String reason) {
            this(reason, null);
        }
    }

    /**
     * The destination is gone for good: the bot was removed or blocked, the chat or channel deleted. Its
     * subscriptions made through commands end; those in the config stay, for the operator to remove.
     */
    public record Permanent(String reason) implements SendResult {
    }

    /** The chat moved (a Telegram group became a supergroup): resend to {@code newId} and move subscriptions. */
    public record Moved(String newId) implements SendResult {
    }
}
