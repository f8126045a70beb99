package net.outageherald.chat.discord;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.outageherald.command.Reply;

/**
 * Our own side of the permission checks for /subscribe and /unsubscribe: Discord hides the commands from
 * members without Manage Server ({@code default_member_permissions}), but server admins can override that,
 * so the member is checked again here; and a subscription is refused where the bot could not post.
 */
final class SubscribeChecks {

    /** What a subscribed channel needs from the bot, in the words Discord's settings use. */
    static final List<Permission> NEEDED = List.of(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND,
            Permission.MESSAGE_EMBED_LINKS);

    /** The channel to act on, or why not. */
    record Outcome(String channelId, Reply refusal) {
    }

    Optional<Reply> mayManage(SlashCommandInteractionEvent event) {
        Member member = event.getMember();
        if (member != null && member.hasPermission(Permission.MANAGE_SERVER)) {
            return Optional.empty();
        }
        return Optional.of(Reply.error("You need the Manage Server permission",
                "Only members who can manage this server choose what its channels follow. "
                        + "Ask a server admin, or use /subscriptions to see what this channel follows."));
    }

    /** The chosen channel (or this one); for a subscribe, only if the bot can view, send and embed there. */
    Outcome channel(SlashCommandInteractionEvent event, boolean subscribing) {
        GuildChannel picked = event.getOption(SlashCommands.CHANNEL, OptionMapping::getAsChannel);
        String id = picked != null ? picked.getId() : event.getChannelId();
        String name = picked != null ? picked.getName() : event.getGuildChannel().getName();
        GuildChannel channel = event.getGuild().getGuildChannelById(id);
        if (channel == null) {
            return subscribing ? refuse("I can't see #" + name,
                    "I'm missing View Channel there. Give me (or my role) View Channel, Send Messages and "
                            + "Embed Links in the channel's settings, then try again.")
                    : new Outcome(id, null);
        }
        if (!SlashCommands.CHANNEL_TYPES.contains(channel.getType())) {
            return refuse("Pick a text or announcement channel",
                    "#" + channel.getName() + " is a " + channel.getType().name().toLowerCase(java.util.Locale.ROOT)
                            + " channel. Subscriptions post to text or announcement channels: add the channel "
                            + "option, e.g. /" + event.getName() + " target:KP channel:#outages.");
        }
        if (subscribing) {
            Member self = channel.getGuild().getSelfMember();
            List<Permission> missing = NEEDED.stream().filter(p -> !self.hasPermission(channel, p)).toList();
            if (!missing.isEmpty()) {
                return refuse("I can't post in #" + channel.getName(),
                        "I'm missing " + missing.stream().map(Permission::getName).collect(Collectors.joining(", "))
                                + " there. Give me (or my role) these permissions in the channel's settings, "
                                + "then run /subscribe again.");
            }
        }
        return new Outcome(channel.getId(), null);
    }

    private static Outcome refuse(String headline, String explanation) {
        return new Outcome(null, Reply.error(headline, explanation));
    }
}
