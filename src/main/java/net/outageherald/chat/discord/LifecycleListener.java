package net.outageherald.chat.discord;

import java.util.List;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.channel.ChannelDeleteEvent;
import net.dv8tion.jda.api.events.guild.GuildJoinEvent;
import net.dv8tion.jda.api.events.guild.GuildLeaveEvent;
import net.dv8tion.jda.api.events.guild.GuildUnavailableEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.outageherald.model.Destination;
import net.outageherald.model.Platform;
import net.outageherald.model.Subscription;
import net.outageherald.subscribe.Subscriptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the subscriptions made by command whose channel is gone: the channel was deleted, or the bot left or
 * was removed from the server. Those from the config stay (only the operator takes them away; the log says
 * so). A server that is only unavailable (a Discord outage) keeps its subscriptions. Joining a server
 * posts nothing: the server's admins choose with /subscribe.
 */
final class LifecycleListener extends ListenerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(LifecycleListener.class);

    private final Subscriptions subscriptions;

    LifecycleListener(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Override
    public void onGuildJoin(GuildJoinEvent event) {
        LOG.info("Added to Discord server {} ({}); it follows nothing until someone uses /subscribe",
                event.getGuild().getName(), event.getGuild().getId());
    }

    @Override
    public void onGuildUnavailable(GuildUnavailableEvent event) {
        LOG.warn("Discord server {} is unavailable (a Discord outage); its subscriptions stay",
                event.getGuild().getId());
    }

    @Override
    public void onGuildLeave(GuildLeaveEvent event) {
        // JDA drops the server from its global cache but the event's Guild still knows its channels
        Guild guild = event.getGuild();
        String reason = "the bot left or was removed from Discord server " + guild.getName()
                + " (" + guild.getId() + ")";
        int ended = 0;
        for (Destination channel : subscribedChannels()) {
            if (guild.getGuildChannelById(channel.id()) != null) {
                ended += end(channel, reason);
            }
        }
        LOG.info("Left Discord server {} ({}); ended {} subscriptions made by command", guild.getName(), guild.getId(),
                ended);
    }

    @Override
    public void onChannelDelete(ChannelDeleteEvent event) {
        Destination channel = new Destination(Platform.DISCORD, event.getChannel().getId());
        if (!subscriptions.of(channel).isEmpty()) {
            end(channel, "Discord channel #" + event.getChannel().getName() + " was deleted");
        }
    }

    private List<Destination> subscribedChannels() {
        return subscriptions.byPlatform(Platform.DISCORD).stream().map(Subscription::destination).distinct().toList();
    }

    private int end(Destination channel, String reason) {
        try {
            return subscriptions.endAll(channel, reason);
        } catch (RuntimeException e) {
            LOG.error("Could not end the subscriptions of {} ({})", channel, reason, e);
            return 0;
        }
    }
}
