package net.outageherald.model;

/** Why an outbox row exists: decides how its reference to the original outage message is used. */
public enum SendReason {
    /** The announcement of an outage; once sent, its platform id is kept in the notification log. */
    OUTAGE(false),
    /** An ongoing outage changed severity: a reply to the announcement where there is one. */
    CHANGE(true),
    /** The announcement edited to show it resolved; skipped when there is nothing to edit. */
    RESOLVED_EDIT(true),
    /** The restoration, as a reply to the announcement where there is one. */
    RESTORATION(true),
    /** "Still offline after 2 days", as a reply to the announcement. */
    REMINDER(true),
    /** Monitoring degraded or recovered: operators only. */
    MONITORING(false);

    private final boolean refersToAnnouncement;

    SendReason(boolean refersToAnnouncement) {
        this.refersToAnnouncement = refersToAnnouncement;
    }

    public boolean refersToAnnouncement() {
        return refersToAnnouncement;
    }
}
