package net.outageherald.source.rislive;

import java.time.Duration;

/**
 * How long to wait before the next reconnect: the first wait, doubled per failure in a row, capped. No
 * jitter: there is one connection per process, so there is no crowd to spread. Reset once a connection
 * delivers data, so a server that accepts and then drops us at once still backs off.
 */
final class Backoff {

    private final Duration first;
    private final Duration max;
    private Duration next;

    Backoff(Duration first, Duration max) {
        this.first = first;
        this.max = max;
        this.next = first;
    }

    /** The wait before this attempt; the one after will be twice as long, up to the cap. */
    synchronized Duration next() {
        Duration now = next;
        next = now.compareTo(max.dividedBy(2)) > 0 ? max : now.multipliedBy(2);
        return now;
    }

    synchronized void reset() {
        next = first;
    }
}
