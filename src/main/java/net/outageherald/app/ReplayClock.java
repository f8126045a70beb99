package net.outageherald.app;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The time of a replay: the capture's own, set message by message, so every message the replay prints is
 * dated as it would have been on the day.
 */
final class ReplayClock extends Clock {

    private volatile Instant now;

    ReplayClock(Instant start) {
        this.now = start;
    }

    /** Moves the time on to {@code t}; a capture slightly out of order never moves it back. */
    void advanceTo(Instant t) {
        if (t.isAfter(now)) {
            now = t;
        }
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
