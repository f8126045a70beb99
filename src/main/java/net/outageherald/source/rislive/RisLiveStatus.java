package net.outageherald.source.rislive;

import java.time.Duration;
import java.time.Instant;

/**
 * A snapshot of the RIS Live connection for health checks and {@code /status}.
 *
 * @param state                the stream's state
 * @param since                when it entered that state (our clock)
 * @param reason               why, in words, e.g. "connection failed: timeout; reconnecting in 4s"
 * @param lastMessageAt        when the last {@code ris_message} arrived (our clock), or null
 * @param lastMessageTimestamp the collectors' timestamp of that message, or null
 * @param lag                  how far behind that message arrived, or null
 */
public record RisLiveStatus(StreamState state, Instant since, String reason, Instant lastMessageAt,
                            Instant lastMessageTimestamp, Duration lag) {
}
