package net.outageherald.model;

/** What happened to a target, as told to people. */
public enum EventType {
    /** The target went PARTIAL or DOWN and it held long enough to be sure. */
    OUTAGE_STARTED,
    /** An ongoing outage went from PARTIAL to DOWN or back. */
    OUTAGE_CHANGED,
    /** The target is UP again; carries the outage's full duration. */
    RESTORED,
    /** We have had no usable data for the target for a while: its status is unknown (not down). */
    MONITORING_DEGRADED,
    /** Usable data is back after a degraded period. */
    MONITORING_RECOVERED;

    /** Outage events go to subscribers; monitoring events to operators. */
    public boolean isOutageEvent() {
        return this == OUTAGE_STARTED || this == OUTAGE_CHANGED || this == RESTORED;
    }
}
