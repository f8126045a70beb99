package net.outageherald.chat.console;

import java.util.StringJoiner;
import net.outageherald.model.Message;

/** Renders a message as plain text: the headline with its emoji, the summary, "Name: value" lines, link. */
public final class PlainText {

    private PlainText() {
    }

    public static String render(Message m) {
        StringJoiner out = new StringJoiner("\n");
        out.add(m.status().emoji() + " " + m.headline());
        if (!m.summary().isBlank()) {
            out.add(m.summary());
        }
        for (Message.Field f : m.fields()) {
            out.add(f.name() + ": " + f.value());
        }
        if (m.link() != null && !m.link().isBlank()) {
            out.add("Evidence: " + m.link());
        }
        if (m.footer() != null && !m.footer().isBlank()) {
            out.add(m.footer());
        }
        return out.toString();
    }
}
