/**
 * Fan-out: who must hear an event. {@code FanOut} is the detector's
 * {@link net.outageherald.detect.EventSink}: in the event's own transaction it asks the subscriptions who
 * follows the target and the {@link net.outageherald.nflog.NotificationLog} who heard of the outage, and
 * writes one outbox row per destination. {@code Reminders} repeats long outages when enabled. {@code Warmup}
 * does the first alert's in-memory work once at start, so that the first outage does not wait for it.
 * {@link net.outageherald.notify.Notifier} holds fan-out and the delivery workers of
 * {@link net.outageherald.outbox} together; the words are in {@link net.outageherald.notify.message}.
 */
package net.outageherald.notify;
