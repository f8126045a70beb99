package net.outageherald.notify;

import net.outageherald.model.Event;

/** Writes the platform-neutral messages for events. */
public interface Messages {

    /** The announcement of an event. */
    Message forEvent(Event event);

    /** The original outage announcement as edited once the outage is over (marked resolved, with duration). */
    Message resolvedOriginal(Event restored);
}
