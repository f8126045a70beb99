package net.outageherald.command;

import java.util.Objects;
import net.outageherald.model.Status;
import net.outageherald.model.Message;

/**
 * The answer to a command. {@code ok=false} marks a refusal or bad input (shown privately where the
 * platform can, e.g. an ephemeral Discord reply).
 */
public record Reply(boolean ok, Message message) {

    public Reply {
        Objects.requireNonNull(message, "message");
    }

    public static Reply ok(Message message) {
        return new Reply(true, message);
    }

    public static Reply error(String headline, String explanation) {
        return new Reply(false, Message.text(Status.UNKNOWN, headline, explanation));
    }
}
