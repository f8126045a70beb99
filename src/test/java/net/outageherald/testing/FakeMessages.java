package net.outageherald.testing;

import java.util.List;
import net.outageherald.model.Event;
import net.outageherald.model.Message;
import net.outageherald.notify.message.Messages;

/** Messages whose headline says which event they are for: "OUTAGE_STARTED AS1 #3". */
public final class FakeMessages implements Messages {

    @Override
    public Message forEvent(Event e) {
        return new Message(e.status(), e.type() + " " + e.targetKey() + " #" + e.id(), "summary of " + e.targetName(),
                List.of(new Message.Field("Peers", e.facts().peersNow() + " of " + e.facts().peersNormally(), true)),
                e.at(), e.facts().evidenceUrl(), null);
    }

    @Override
    public Message resolvedOriginal(Event restored) {
        return Message.text(restored.status(), "RESOLVED " + restored.targetKey() + " #" + restored.id(), "");
    }
}
