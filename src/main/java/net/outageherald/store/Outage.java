package net.outageherald.store;

import java.time.Duration;
import java.time.Instant;
import net.outageherald.model.Status;

/** One outage of a target: when it began and ended, how bad it is now and at its worst. */
public record Outage(long id, String targetKey, Instant startedAt, Instant endedAt, Status severity, Status worst) {

    public boolean ongoing() {
        return endedAt == null;
    }

    /** The outage's length so far, or in all once ended. */
    public Duration duration(Instant now) {
        return Duration.between(startedAt, endedAt != null ? endedAt : now);
    }
}
