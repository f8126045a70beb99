package net.outageherald.outbox;

import net.outageherald.model.Delivery;
import net.outageherald.model.Platform;

/** Delivers to one platform. Implementations classify every failure instead of throwing. */
public interface Sender {

    Platform platform();

    SendResult send(Delivery delivery);

    /** Which of the platform's destinations are groups, rate-limited apart; the platform's own rule. */
    default ChatKinds chatKinds() {
        return ChatKinds.NO_GROUPS;
    }
}
