package net.outageherald.notify;

import net.outageherald.model.Status;

/** Renders a message as plain text for the console and the {@code check} command. */
public final class PlainTextRenderer {

    /** Headline with the status emoji, the summary, one "Name: value" line per fact, then link and footer. */
    public String render(Message m) {
        StringBuilder sb = new StringBuilder();
        sb.append(emoji(m)).append(' ').append(m.headline()).append('\n');
        if (!m.summary().isBlank()) {
            sb.append(m.summary()).append('\n');
        }
        for (Message.Field f : m.fields()) {
            sb.append(f.name()).append(": ").append(f.value()).append('\n');
        }
        if (m.link() != null) {
            sb.append("Evidence: ").append(m.link()).append('\n');
        }
        if (m.footer() != null) {
            sb.append(m.footer()).append('\n');
        }
        return sb.toString();
    }

    private static String emoji(Message m) {
        return m.status() == Status.UP && m.headline().startsWith("Resolved") ? "✅" : m.status().emoji();
    }
}
