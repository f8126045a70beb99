/**
 * Delivery of what the outbox holds: one worker per platform claims rows, sends them within the
 * platform's rate limits, and records each outcome (sent, retry with capped backoff, rejected message,
 * paused destination, permanent, moved) with its attempts, a batch of outcomes per transaction. A send's
 * outcome goes back only to the queue, the notification log, the operators' notices and, through
 * {@link net.outageherald.outbox.DestinationEvents}, to the subscription room; never to fan-out.
 */
package net.outageherald.outbox;
