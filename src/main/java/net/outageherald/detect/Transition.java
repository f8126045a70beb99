package net.outageherald.detect;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.outageherald.model.EventType;
import net.outageherald.model.Status;
import net.outageherald.model.TargetState;

/**
 * The outcome of one round for a target: its new state and what, if anything, must be told.
 *
 * @param state   the state to remember
 * @param changes zero or more changes worth an event, in order
 */
public record Transition(TargetState state, List<Change> changes) {

    public Transition {
        changes = List.copyOf(changes);
    }

    /**
     * One change: what happened, between which statuses, when it began, and for restorations and
     * recoveries how long the outage or gap lasted. {@code opensOutage} asks the store for a new outage id.
     */
    public record Change(EventType type, Status from, Status to, Instant at, Duration duration) {
        public boolean opensOutage() {
            return type == EventType.OUTAGE_STARTED;
        }
    }
}
