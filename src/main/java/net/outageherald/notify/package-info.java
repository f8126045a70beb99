/**
 * Notification: turning events into platform-neutral messages, deciding who must hear them, storing them
 * in a durable outbox and delivering them with retries and rate limits. One sub-package per platform.
 *
 * <p>The stages, in order: {@code FanOut} (the detector's {@link net.outageherald.detect.EventSink}: who
 * hears an event, written as outbox rows in the event's transaction, recorded in the notification log),
 * {@code OutboxRepository} (rows claimed head-of-queue per destination), {@code DeliveryWorker} (rate limits, send),
 * {@code Outcomes} (sent, retry with backoff, permanent, moved). {@link net.outageherald.notify.Notifier}
 * wires them; {@link net.outageherald.subscribe.SubscriptionService} is the one way subscriptions change.
 */
package net.outageherald.notify;
