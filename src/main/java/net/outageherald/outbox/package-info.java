/**
 * Delivery of what the outbox holds: one worker per platform claims rows, sends them within the
 * platform's rate limits, and records each outcome (sent, retry with capped backoff, permanent, moved)
 * with its attempts. A send's outcome goes back only to the queue, the notification log and, through
 * {@link net.outageherald.outbox.DestinationEvents}, to the subscription room; never to fan-out.
 */
package net.outageherald.outbox;
