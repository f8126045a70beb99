package net.outageherald.app;

import java.io.PrintStream;
import java.sql.Connection;
import java.util.List;
import net.outageherald.detect.EventSink;
import net.outageherald.model.Event;
import net.outageherald.notify.EventMessages;
import net.outageherald.notify.PlainTextRenderer;

/** Prints every event as plain text once it is stored. */
final class ConsoleEventSink implements EventSink {

    private final PrintStream out;
    private final EventMessages messages = new EventMessages();
    private final PlainTextRenderer renderer = new PlainTextRenderer();

    ConsoleEventSink(PrintStream out) {
        this.out = out;
    }

    @Override
    public void onEvent(Connection tx, Event event) {
        // nothing to store: printing happens after commit
    }

    @Override
    public void afterCommit(List<Event> events) {
        for (Event e : events) {
            out.println(renderer.render(messages.forEvent(e)));
        }
        out.flush();
    }
}
