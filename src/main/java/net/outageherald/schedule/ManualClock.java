package net.outageherald.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that moves only when told: a replay sets it to its capture's time, message by message, so every
 * message it prints is dated as on the day; tests move it by hand instead of waiting.
 */
public class ManualClock extends Clock {

    private volatile Instant now;

    public ManualClock(Instant start) {
        this.now = start;
    }

    /** Moves the time on to {@code t}; an earlier {@code t} (a capture slightly out of order) is ignored. */
    public void advanceTo(Instant t) {
        if (t.isAfter(now)) {
            now = t;
        }
    }

    public void advance(Duration d) {
        now = now.plus(d);
    }

    /** Sets the time, also backwards. */
    public void set(Instant at) {
        now = at;
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
