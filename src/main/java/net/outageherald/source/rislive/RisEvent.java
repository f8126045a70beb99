package net.outageherald.source.rislive;

import java.util.List;
import java.util.Objects;

/**
 * One text frame from RIS Live, translated by {@link RisMessageParser} into our own terms: nothing past the
 * parser sees RIS JSON. The BGP-carrying kinds are {@link RisMessage}s; the rest are the socket's own traffic.
 */
public sealed interface RisEvent permits RisMessage, RisEvent.ServerError, RisEvent.Pong, RisEvent.RrcList,
        RisEvent.SubscribeOk, RisEvent.Ignored, RisEvent.Unparseable {

    /**
     * {@code ris_error}: RIS Live refused a command or is about to close the socket.
     *
     * @param message      the server's text, as sent
     * @param slowConsumer whether it is the final "Closing connection after being behind by more than …" error
     */
    record ServerError(String message, boolean slowConsumer) implements RisEvent {
        public ServerError {
            Objects.requireNonNull(message, "message");
        }
    }

    /** {@code pong}: the answer to a JSON {@code ping}. */
    record Pong() implements RisEvent {
    }

    /** {@code ris_rrc_list}: the collectors RIS Live knows, e.g. {@code rrc00}. */
    record RrcList(List<String> collectors) implements RisEvent {
        public RrcList {
            collectors = List.copyOf(collectors);
        }
    }

    /** {@code ris_subscribe_ok}: a subscription was accepted (sent only when asked for with {@code acknowledge}). */
    record SubscribeOk() implements RisEvent {
    }

    /** A well-formed frame of a kind we do not use, e.g. an unknown {@code type}; {@code reason} says which. */
    record Ignored(String reason) implements RisEvent {
    }

    /** A frame that could not be read: not JSON, or a message without what it must carry; {@code reason} says why. */
    record Unparseable(String reason) implements RisEvent {
    }
}
