package net.outageherald.chat.console;

import java.io.PrintStream;
import java.util.Objects;
import net.outageherald.model.Delivery;
import net.outageherald.model.Platform;
import net.outageherald.outbox.SendResult;
import net.outageherald.outbox.Sender;

/**
 * Prints messages to a stream (stdout by default), one block per message. Its message ids
 * ({@code console-<outbox id>}) let edits and replies say which earlier message they refer to.
 */
public final class ConsoleSender implements Sender {

    private final PrintStream out;

    public ConsoleSender(PrintStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    public ConsoleSender() {
        this(System.out);
    }

    @Override
    public Platform platform() {
        return Platform.CONSOLE;
    }

    @Override
    public SendResult send(Delivery delivery) {
        String id = "console-" + delivery.outboxId();
        if (delivery.action() == Delivery.Action.EDIT) {
            // a console cannot change what it printed; the restoration that follows says it all
            return new SendResult.Sent(delivery.refId());
        }
        StringBuilder block = new StringBuilder();
        if (delivery.refId() != null) {
            block.append("[").append(id).append(", in reply to ").append(delivery.refId()).append("]\n");
        } else {
            block.append("[").append(id).append("]\n");
        }
        block.append(PlainText.render(delivery.message())).append('\n');
        synchronized (out) {
            out.println(block);
            out.flush();
        }
        if (out.checkError()) {
            return new SendResult.Retry("cannot write to the console", null);
        }
        return new SendResult.Sent(delivery.action() == Delivery.Action.EDIT ? delivery.refId() : id);
    }
}
