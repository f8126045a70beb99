package net.outageherald.notify.message;

import net.outageherald.model.Message;
import java.time.Duration;
import net.outageherald.model.Event;

/** Writes the platform-neutral messages for events. */
public interface Messages {

    /** The announcement of an event. */
    Message forEvent(Event event);

    /** The original outage announcement as edited once the outage is over (marked resolved, with duration). */
    Message resolvedOriginal(Event restored);

    /**
     * A reminder that an outage is still on (only when reminders are enabled), sent as a reply to the
     * announcement. {@code latest} is the outage's latest started/changed event.
     */
    default Message reminder(Event latest, Duration ongoingFor) {
        Message m = forEvent(latest);
        String headline = latest.targetName() + " is still " + latest.status().words() + " after "
                + HumanDurations.human(ongoingFor);
        return new Message(m.status(), headline, m.summary(), m.fields(), m.timestamp(), m.link(), m.footer());
    }
}
