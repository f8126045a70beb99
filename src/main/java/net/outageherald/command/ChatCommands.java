package net.outageherald.command;

import java.util.List;
import net.outageherald.model.Destination;

/**
 * The commands every chat front-end offers. Permission checks (chat admin, Manage Server) are the
 * front-end's job, before it calls subscribe or unsubscribe. No method throws for bad input: it answers.
 */
public interface ChatCommands {

    /** What the bot does, the commands, the accepted target forms, where the data comes from. */
    Reply help();

    /**
     * The current status, checked live when our data is older than a minute; may take seconds. A target too
     * large to check live (many prefixes, or a country not resolved yet) is answered from the last poll, or
     * refused with the way to follow it, without asking RIPEstat.
     */
    Reply status(String target);

    Reply subscribe(Destination destination, String target);

    Reply unsubscribe(Destination destination, String target);

    Reply subscriptions(Destination destination);

    /** Recent outages with start, end and duration. */
    Reply history(String target);

    /**
     * Autocomplete of a target: what this chat follows that matches, then countries by code, name or other name
     * ("kp", "North", "USA"); at most {@code max}. Other chats' subscriptions are never offered.
     */
    List<Suggestion> suggest(Destination in, String partial, int max);

    /** Autocomplete for /unsubscribe: only what this chat follows, by key or name. */
    List<Suggestion> suggestFollowed(Destination in, String partial, int max);

    /**
     * The chart of a target's last 24 hours, or why there is none (not watched, too little history yet, charts
     * switched off). The default: this front-end's commands offer no charts.
     */
    default Reply chart(String target) {
        return Reply.error("No charts here", "This bot does not draw charts.");
    }
}
