package net.outageherald.chat.telegram;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;

/** The bot's commands as registered with {@code setMyCommands}, and what each needs. */
enum BotCommandSpec {
    START("start", "What this bot does and how to use it", false, false),
    HELP("help", "Commands, target forms and where the data comes from", false, false),
    STATUS("status", "Current status of a target: /status KP", false, true),
    SUBSCRIBE("subscribe", "Follow a target in this chat (admins): /subscribe AS131279", true, false),
    UNSUBSCRIBE("unsubscribe", "Stop following a target (admins): /unsubscribe KP", true, false),
    SUBSCRIPTIONS("subscriptions", "What this chat follows", false, false),
    HISTORY("history", "Recent outages of a target: /history KP", false, true),
    CHART("chart", "Visibility of a target over the last 24 hours, as a chart: /chart KP", false, true);

    private final String command;
    private final String description;
    private final boolean adminOnly;
    private final boolean slow;

    BotCommandSpec(String command, String description, boolean adminOnly, boolean slow) {
        this.command = command;
        this.description = description;
        this.adminOnly = adminOnly;
        this.slow = slow;
    }

    static Optional<BotCommandSpec> byName(String name) {
        return Arrays.stream(values()).filter(c -> c.command.equals(name)).findFirst();
    }

    static List<BotCommand> botCommands() {
        return Arrays.stream(values()).map(c -> new BotCommand(c.command, c.description)).toList();
    }

    /** "/status, /subscribe, …" for the unknown-command reply. */
    static String list() {
        return String.join(", ", Arrays.stream(values()).map(c -> "/" + c.command).toList());
    }

    String command() {
        return command;
    }

    /** Changes what the chat receives, so in groups only chat admins may use it. */
    boolean adminOnly() {
        return adminOnly;
    }

    /** May take seconds (a live check): worth a "typing…" indicator. */
    boolean slow() {
        return slow;
    }
}
