package net.outageherald.chat.discord;

import net.outageherald.command.CommandText;
import net.outageherald.command.Reply;
import net.outageherald.model.InvalidTargetException;
import net.outageherald.model.TargetParser;

/**
 * The target option of a slash command, read before anything is deferred: cleaned as every command input
 * is ({@link CommandText}) and parsed, so bad input is refused at once and privately.
 *
 * @param target  what the commands are given, when it parses
 * @param refusal the answer to give instead, when it does not
 */
record TargetOption(String target, Reply refusal) {

    static TargetOption read(TargetParser parser, String raw) {
        String cleaned = CommandText.clean(raw).strip();
        try {
            parser.parse(cleaned);
            return new TargetOption(cleaned, null);
        } catch (InvalidTargetException e) {
            return new TargetOption(null, Reply.error("I can't read that target", e.getMessage()));
        }
    }

    boolean readable() {
        return refusal == null;
    }
}
