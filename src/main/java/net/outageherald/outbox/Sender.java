package net.outageherald.outbox;

import net.outageherald.model.Delivery;
import net.outageherald.model.Platform;

/** Delivers to one platform. Implementations classify every failure instead of throwing. */
public interface Sender {

    public Platform platform();

    public SendResult send(Delivery delivery);
}
