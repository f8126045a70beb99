package net.outageherald.outbox;

import java.util.Optional;
import net.outageherald.model.Delivery;
import net.outageherald.model.Platform;
import net.outageherald.outbox.NotifyConfig.Rate;

/** Delivers to one platform. Implementations classify every failure instead of throwing. */
public interface Sender {

    Platform platform();

    SendResult send(Delivery delivery);

    /** Which of the platform's destinations are groups, rate-limited apart; the platform's own rule. */
    default ChatKinds chatKinds() {
        return ChatKinds.NO_GROUPS;
    }

    /**
     * Whether this platform's messages can carry a chart ({@link Delivery#chart()}); a sender that says so sends
     * the text alone whenever the chart cannot go (no right to post images), never failing the text for it.
     */
    default boolean sendsCharts() {
        return false;
    }

    /**
     * The bot's overall rate on its platform when the operator set none ({@code notify.platforms.*.global}),
     * e.g. Telegram's 1000/1s for a bot that allows paid broadcasts; empty keeps the published default.
     */
    default Optional<Rate> globalRate() {
        return Optional.empty();
    }

    /**
     * Does, without sending, the work a first send of {@code sample} would do before it reaches the network:
     * renders it and builds the request, so that classes are loaded and serializers built before the first
     * outage waits for them. Must not send, write or throw; the default does nothing.
     */
    default void warmUp(Delivery sample) {
    }
}
