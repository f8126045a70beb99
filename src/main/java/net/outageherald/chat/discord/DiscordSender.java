package net.outageherald.chat.discord;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.Message.MentionType;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.requests.restaction.MessageCreateAction;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.outageherald.model.Delivery;
import net.outageherald.model.Destination;
import net.outageherald.model.Platform;
import net.outageherald.outbox.SendResult;
import net.outageherald.outbox.Sender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers outbox rows to Discord channels (the destination id is the channel id). New messages carry the
 * row's nonce with {@code enforce_nonce}, so a send retried within Discord's few minutes of nonce memory does
 * not show twice (one retried later may); a restoration is a reply to the outage message, and the outage
 * message itself is edited in place. Failures are classified, never thrown.
 * A channel in this instance's cache is sent to through the shard that holds its server; when the servers are
 * split over several instances ({@link DiscordShards#holdsAll()} false), a channel out of this cache is on
 * another instance's shard and is sent to by id over REST ({@link ChannelRest}), so any instance can deliver.
 */
public final class DiscordSender implements Sender {

    private static final Logger LOG = LoggerFactory.getLogger(DiscordSender.class);
    private static final Duration WARN_EVERY = Duration.ofMinutes(10);

    private final Supplier<ShardManager> shards;
    private final boolean holdsAll;
    private final DiscordRenderer renderer;
    private final Duration timeout;
    private final Clock clock;
    private Instant lastOfflineWarning = Instant.MIN;

    /**
     * @param shards   the running shards, or null while Discord is not running
     * @param holdsAll whether those shards are all the bot has, so a channel out of their cache is out of sight
     * @param timeout  how long one send or edit may take
     */
    public DiscordSender(Supplier<ShardManager> shards, boolean holdsAll, DiscordRenderer renderer, Duration timeout,
                         Clock clock) {
        this.shards = shards;
        this.holdsAll = holdsAll;
        this.renderer = renderer;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public Platform platform() {
        return Platform.DISCORD;
    }

    @Override
    public boolean sendsCharts() {
        return true;
    }

    /** Renders the sample's embed and its JSON, as a send would before JDA's request; sends nothing. */
    @Override
    public void warmUp(Delivery sample) {
        try {
            renderer.render(sample.message()).toData().toJson();
        } catch (RuntimeException e) {
            LOG.debug("Discord: warming up the send path failed: {}", e.toString());
        }
    }

    @Override
    public SendResult send(Delivery delivery) {
        String channelId = delivery.to().id();
        if (delivery.to().platform() != Platform.DISCORD || !Snowflakes.isSnowflake(channelId)) {
            return new SendResult.Permanent(delivery.to() + " is not a Discord channel id");
        }
        ShardManager manager = shards.get();
        if (manager == null) {
            return offline("not running");
        }
        GuildMessageChannel channel = manager.getChannelById(GuildMessageChannel.class, channelId);
        if (channel != null) {
            JDA.Status status = channel.getJDA().getStatus();
            return status == JDA.Status.CONNECTED ? tellIfPaused(channel, cached(channel, delivery))
                    : offline(status.toString());
        }
        List<JDA> running = manager.getShards();
        Optional<JDA> connected = running.stream().filter(j -> j.getStatus() == JDA.Status.CONNECTED).findFirst();
        boolean allUp = manager.getShardsQueued() == 0
                && running.stream().allMatch(j -> j.getStatus() == JDA.Status.CONNECTED);
        if (connected.isEmpty() || holdsAll && !allUp) { // a server out of sight may be on a shard not up yet
            return offline(running.isEmpty() ? "no shard running" : "shards " + manager.getStatuses().values());
        }
        if (!holdsAll) {
            return byId(connected.get(), channelId, delivery);
        }
        return running.stream().allMatch(j -> j.getUnavailableGuilds().isEmpty())
                ? new SendResult.Permanent("Unknown Channel: the bot cannot see channel " + channelId
                        + " (deleted, or the bot was removed from its server)")
                : new SendResult.Retry("channel " + channelId + " out of sight while servers are unavailable", null);
    }

    /**
     * A pause names the channel and its server, and tells the server in its system channel (where Discord posts
     * joins and boosts, and admins look) when the bot may still post there.
     */
    private static SendResult tellIfPaused(GuildMessageChannel channel, SendResult result) {
        if (!(result instanceof SendResult.Paused paused)) {
            return result;
        }
        Guild guild = channel.getGuild();
        String reason = paused.reason() + " (#" + channel.getName() + " in server " + guild.getName() + ")";
        TextChannel system = guild.getSystemChannel();
        boolean canTell = system != null && !system.getId().equals(channel.getId())
                && guild.getSelfMember().hasPermission(system, Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND,
                Permission.MESSAGE_EMBED_LINKS);
        return new SendResult.Paused(reason, canTell ? new Destination(Platform.DISCORD, system.getId()) : null);
    }

    private SendResult cached(GuildMessageChannel channel, Delivery delivery) {
        MessageEmbed embed = renderer.render(delivery.message());
        if (delivery.action() == Delivery.Action.EDIT) {
            String id = DiscordCharts.messageId(delivery.refId());
            MessageEmbed edited = DiscordCharts.forEdit(embed, delivery.refId());
            return edit(channel.getId(), delivery.refId(),
                    () -> channel.editMessageEmbedsById(id, edited).map(Message::getId));
        }
        String ref = DiscordCharts.messageId(delivery.refId());
        boolean reply = ref != null && Snowflakes.isSnowflake(ref)
                && channel.getGuild().getSelfMember().hasPermission(channel, Permission.MESSAGE_HISTORY);
        byte[] chart = delivery.hasChart()
                && channel.getGuild().getSelfMember().hasPermission(channel, Permission.MESSAGE_ATTACH_FILES)
                ? delivery.chart() : null;
        return create(channel.getId(), delivery, ref, reply, chart,
                (to, png) -> post(channel, delivery, embed, to, png).map(Message::getId));
    }

    /**
     * A channel of a server on another instance's shard: the same requests, by channel id. With no cache to
     * ask for Attach Files or Read Message History, Discord's refusal decides (the chart or the reply dropped).
     */
    private SendResult byId(JDA jda, String channelId, Delivery delivery) {
        MessageEmbed embed = renderer.render(delivery.message());
        if (delivery.action() == Delivery.Action.EDIT) {
            String id = DiscordCharts.messageId(delivery.refId());
            MessageEmbed edited = DiscordCharts.forEdit(embed, delivery.refId());
            return edit(channelId, delivery.refId(), () -> ChannelRest.edit(jda, channelId, id, edited));
        }
        String ref = DiscordCharts.messageId(delivery.refId());
        boolean reply = ref != null && Snowflakes.isSnowflake(ref);
        return create(channelId, delivery, ref, reply, delivery.hasChart() ? delivery.chart() : null,
                (to, png) -> ChannelRest.send(jda, channelId, embed, delivery.nonce(), to, png));
    }

    private SendResult create(String channelId, Delivery delivery, String ref, boolean reply, byte[] chart,
                              BiFunction<String, byte[], RestAction<String>> post) {
        Attempt first = await(() -> post.apply(reply ? ref : null, chart));
        byte[] png = chart;
        if (chart != null && first.failure() != null && DiscordCharts.refusedChart(first.failure())) {
            png = null;
            // the chart must never cost the text: the same message without it (nothing was posted, same nonce)
            LOG.info("Channel {} refused the chart of outbox {} ({}); sending the text alone", channelId,
                    delivery.outboxId(), first.failure().getMessage());
            first = await(() -> post.apply(reply ? ref : null, null));
        }
        byte[] kept = png;
        if (reply && first.failure() != null && SendFailures.isReferenceProblem(first.failure())) {
            LOG.info("Reply to message {} in channel {} failed ({}); sending without the reference", ref,
                    channelId, first.failure().getMessage());
            return withChart(await(() -> post.apply(null, kept)).result(), kept);
        }
        return withChart(first.result(), png);
    }

    /** A message posted with its chart is referred to as {@code "<id>:chart"}, so that its edit keeps the image. */
    private static SendResult withChart(SendResult result, byte[] chart) {
        return chart != null && result instanceof SendResult.Sent sent
                ? new SendResult.Sent(DiscordCharts.ref(sent.messageId(), true)) : result;
    }

    private static MessageCreateAction post(GuildMessageChannel channel, Delivery delivery, MessageEmbed embed,
                                            String replyTo, byte[] chart) {
        MessageCreateAction action = (chart == null ? channel.sendMessageEmbeds(embed)
                : channel.sendMessageEmbeds(DiscordCharts.withImage(embed)).addFiles(DiscordCharts.upload(chart)))
                .setNonce(delivery.nonce()) // JDA always adds enforce_nonce=true next to it
                .setAllowedMentions(EnumSet.noneOf(MentionType.class));
        if (replyTo != null) {
            action = action.setMessageReference(replyTo).failOnInvalidReply(false);
        }
        return action;
    }

    /** Edits the message of {@code ref} ("<id>" or "<id>:chart"); the reference stays as it was. */
    private SendResult edit(String channelId, String ref, Supplier<RestAction<String>> edit) {
        String messageId = DiscordCharts.messageId(ref);
        if (!Snowflakes.isSnowflake(messageId)) {
            LOG.warn("Not editing '{}' in channel {}: not a Discord message id", ref, channelId);
            return new SendResult.Sent(ref);
        }
        Attempt attempt = await(edit);
        if (attempt.failure() != null && SendFailures.isUnknownMessage(attempt.failure())) {
            LOG.info("Message {} in channel {} is gone or not ours; nothing to mark resolved", messageId, channelId);
            return new SendResult.Sent(ref);
        }
        return attempt.failure() == null ? new SendResult.Sent(ref) : attempt.result();
    }

    private Attempt await(Supplier<RestAction<String>> action) {
        CompletableFuture<String> future = null;
        try {
            future = action.get().submit();
            return new Attempt(future.get(timeout.toMillis(), TimeUnit.MILLISECONDS), null);
        } catch (ExecutionException e) {
            return new Attempt(null, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(false);
            return new Attempt(null, e);
        } catch (TimeoutException e) {
            future.cancel(false);
            return new Attempt(null, e);
        } catch (RuntimeException e) { // JDA's own checks, e.g. a missing permission seen in its cache
            return new Attempt(null, e);
        }
    }

    private synchronized SendResult offline(String why) {
        Instant now = clock.instant();
        if (lastOfflineWarning.plus(WARN_EVERY).isBefore(now)) {
            lastOfflineWarning = now;
            LOG.warn("Discord is not connected ({}); Discord deliveries wait in the outbox", why);
        }
        return new SendResult.Retry("Discord is not connected", null);
    }

    /** The message id, or why there is none. */
    private record Attempt(String messageId, Throwable failure) {
        SendResult result() {
            return failure == null ? new SendResult.Sent(messageId) : SendFailures.classify(failure);
        }
    }
}
