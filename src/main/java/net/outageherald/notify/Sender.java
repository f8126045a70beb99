package net.outageherald.notify;

/** Delivers to one platform. Implementations classify every failure instead of throwing. */
public interface Sender {

    Platform platform();

    SendResult send(Delivery delivery);
}
