package net.outageherald.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Something we tell people: an outage began, changed or ended, or monitoring degraded or recovered.
 *
 * @param id           database id, 0 before it is stored
 * @param type         what happened
 * @param targetKey    canonical target ("AS131279", "KP")
 * @param targetName   human name ("North Korea (KP)", "AS131279 Star Joint Venture")
 * @param countryCode  the country whose local time the message shows, or null
 * @param status       the target's status after the event
 * @param previous     the status before
 * @param at           when it happened (first observation of the new state, not when we confirmed it)
 * @param outageId     the outage this belongs to, or null for monitoring events outside one
 * @param outageStart  when that outage began, or null
 * @param duration     for RESTORED the outage's length, for MONITORING_RECOVERED the gap; else null
 * @param facts        the evidence
 */
public record Event(long id, EventType type, String targetKey, String targetName, String countryCode, Status status,
                    Status previous, Instant at, Long outageId, Instant outageStart, Duration duration, Facts facts) {

    /** The target key of monitoring events about the routing data itself (its source looks wrong), not a target. */
    public static final String ROUTING_DATA = "source:routing-data";
    /** Their target name. */
    public static final String ROUTING_DATA_NAME = "the routing data";

    public Event {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(targetKey, "targetKey");
        Objects.requireNonNull(targetName, "targetName");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(facts, "facts");
    }

    /** A monitoring event about the routing data itself rather than about one target. */
    public boolean aboutRoutingData() {
        return ROUTING_DATA.equals(targetKey);
    }

    public Event withId(long newId) {
        return new Event(newId, type, targetKey, targetName, countryCode, status, previous, at, outageId, outageStart,
                duration, facts);
    }

    public Event withOutageId(Long newOutageId) {
        return new Event(id, type, targetKey, targetName, countryCode, status, previous, at, newOutageId, outageStart,
                duration, facts);
    }
}
