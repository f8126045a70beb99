package net.outageherald.command;

import java.util.Objects;
import net.outageherald.model.Status;
import net.outageherald.model.Message;

/**
 * The answer to a command. {@code ok=false} marks a refusal or bad input (shown privately where the
 * platform can, e.g. an ephemeral Discord reply). {@code chart} is a PNG to show with the message (/chart),
 * or null.
 */
public record Reply(boolean ok, Message message, byte[] chart) {

    public Reply {
        Objects.requireNonNull(message, "message");
    }

    public Reply(boolean ok, Message message) {
        this(ok, message, null);
    }

    public static Reply ok(Message message) {
        return new Reply(true, message);
    }

    /** A successful answer that shows an image. */
    public static Reply withChart(Message message, byte[] png) {
        return new Reply(true, message, Objects.requireNonNull(png, "png"));
    }

    public static Reply error(String headline, String explanation) {
        return new Reply(false, Message.text(Status.UNKNOWN, headline, explanation));
    }

    public boolean hasChart() {
        return chart != null && chart.length > 0;
    }
}
