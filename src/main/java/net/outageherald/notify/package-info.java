/**
 * Notification: turning events into platform-neutral messages, deciding who must hear them, storing them
 * in a durable outbox and delivering them with retries and rate limits. One sub-package per platform.
 */
package net.outageherald.notify;
