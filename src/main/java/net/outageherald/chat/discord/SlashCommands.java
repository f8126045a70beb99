package net.outageherald.chat.discord;

import java.util.List;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * The slash commands the bot registers at start: names, descriptions, options and who may see them.
 * Subscriptions belong to a server's channels, so every command is offered in servers only.
 */
final class SlashCommands {

    static final String STATUS = "status";
    static final String SUBSCRIBE = "subscribe";
    static final String UNSUBSCRIBE = "unsubscribe";
    static final String SUBSCRIPTIONS = "subscriptions";
    static final String HISTORY = "history";
    static final String HELP = "help";
    static final String CHART = "chart";

    static final String TARGET = "target";
    static final String CHANNEL = "channel";
    /** Longest target anyone needs to type ("Democratic People's Republic of Korea" and prefixes fit). */
    static final int TARGET_MAX_LENGTH = 100;
    /** Channels a subscription can post to: the ones whose lifecycle the bot follows. */
    static final List<ChannelType> CHANNEL_TYPES = List.of(ChannelType.TEXT, ChannelType.NEWS);

    private SlashCommands() {
    }

    static List<SlashCommandData> all() {
        DefaultMemberPermissions manageServer = DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER);
        return List.of(
                command(STATUS, "Is this network or country online? Checks live when our data is older than a minute")
                        .addOptions(target("AS number, prefix or country, e.g. AS131279, 175.45.176.0/22, KP")),
                command(SUBSCRIBE, "Post outages and restorations of a network or country in a channel")
                        .addOptions(target("What to follow: AS number, prefix or country"),
                                channel("Where to post (default: this channel)"))
                        .setDefaultPermissions(manageServer),
                command(UNSUBSCRIBE, "Stop posting about a network or country in a channel")
                        .addOptions(target("What to stop following"),
                                channel("Which channel (default: this channel)"))
                        .setDefaultPermissions(manageServer),
                command(SUBSCRIPTIONS, "What this channel follows"),
                command(HISTORY, "Recent outages of a network or country, with start, end and duration")
                        .addOptions(target("AS number, prefix or country")),
                command(CHART, "Visibility of a network or country over the last 24 hours, as a chart")
                        .addOptions(target("AS number, prefix or country")),
                command(HELP, "What this bot does, its commands and where the data comes from"));
    }

    private static SlashCommandData command(String name, String description) {
        return Commands.slash(name, description).setContexts(InteractionContextType.GUILD);
    }

    private static OptionData target(String description) {
        return new OptionData(OptionType.STRING, TARGET, description, true, true)
                .setMaxLength(TARGET_MAX_LENGTH);
    }

    private static OptionData channel(String description) {
        return new OptionData(OptionType.CHANNEL, CHANNEL, description, false).setChannelTypes(CHANNEL_TYPES);
    }
}
