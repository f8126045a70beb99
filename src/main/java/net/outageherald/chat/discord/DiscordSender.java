package net.outageherald.chat.discord;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.Message.MentionType;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.requests.restaction.MessageCreateAction;
import net.outageherald.model.Delivery;
import net.outageherald.model.Platform;
import net.outageherald.outbox.SendResult;
import net.outageherald.outbox.Sender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers outbox rows to Discord channels (the destination id is the channel id). New messages carry the
 * row's nonce with {@code enforce_nonce}, so a retried send never shows twice; a restoration is a reply to
 * the outage message, and the outage message itself is edited in place. Failures are classified, never thrown.
 */
public final class DiscordSender implements Sender {

    private static final Logger LOG = LoggerFactory.getLogger(DiscordSender.class);
    private static final Duration WARN_EVERY = Duration.ofMinutes(10);

    private final Supplier<JDA> jda;
    private final DiscordRenderer renderer;
    private final Duration timeout;
    private final Clock clock;
    private Instant lastOfflineWarning = Instant.MIN;

    /**
     * @param jda     the running JDA, or null while Discord is not running
     * @param timeout how long one send or edit may take
     */
    public DiscordSender(Supplier<JDA> jda, DiscordRenderer renderer, Duration timeout, Clock clock) {
        this.jda = jda;
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

    @Override
    public SendResult send(Delivery delivery) {
        String channelId = delivery.to().id();
        if (delivery.to().platform() != Platform.DISCORD || !Snowflakes.isSnowflake(channelId)) {
            return new SendResult.Permanent(delivery.to() + " is not a Discord channel id");
        }
        JDA api = jda.get();
        if (api == null || api.getStatus() != JDA.Status.CONNECTED) {
            return offline(api);
        }
        GuildMessageChannel channel = api.getChannelById(GuildMessageChannel.class, channelId);
        if (channel == null) {
            return api.getUnavailableGuilds().isEmpty()
                    ? new SendResult.Permanent("Unknown Channel: the bot cannot see channel " + channelId
                            + " (deleted, or the bot was removed from its server)")
                    : new SendResult.Retry("channel " + channelId + " out of sight while servers are unavailable",
                            null);
        }
        MessageEmbed embed = renderer.render(delivery.message());
        return delivery.action() == Delivery.Action.EDIT ? edit(channel, delivery.refId(), embed)
                : create(channel, delivery, embed);
    }

    private SendResult create(GuildMessageChannel channel, Delivery delivery, MessageEmbed embed) {
        String ref = delivery.refId();
        boolean reply = ref != null && Snowflakes.isSnowflake(ref)
                && channel.getGuild().getSelfMember().hasPermission(channel, Permission.MESSAGE_HISTORY);
        byte[] chart = delivery.hasChart()
                && channel.getGuild().getSelfMember().hasPermission(channel, Permission.MESSAGE_ATTACH_FILES)
                ? delivery.chart() : null;
        Attempt first = await(() -> post(channel, delivery, embed, reply ? ref : null, chart));
        if (chart != null && first.failure() != null && DiscordCharts.refusedChart(first.failure())) {
            // the chart must never cost the text: the same message without it (nothing was posted, same nonce)
            LOG.info("Channel {} refused the chart of outbox {} ({}); sending the text alone", channel.getId(),
                    delivery.outboxId(), first.failure().getMessage());
            first = await(() -> post(channel, delivery, embed, reply ? ref : null, null));
        }
        if (reply && first.failure() != null && SendFailures.isReferenceProblem(first.failure())) {
            LOG.info("Reply to message {} in channel {} failed ({}); sending without the reference", ref,
                    channel.getId(), first.failure().getMessage());
            return await(() -> post(channel, delivery, embed, null, chart)).result();
        }
        return first.result();
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

    private SendResult edit(GuildMessageChannel channel, String messageId, MessageEmbed embed) {
        if (!Snowflakes.isSnowflake(messageId)) {
            LOG.warn("Not editing '{}' in channel {}: not a Discord message id", messageId, channel.getId());
            return new SendResult.Sent(messageId);
        }
        Attempt attempt = await(() -> channel.editMessageEmbedsById(messageId, embed));
        if (attempt.failure() != null && SendFailures.isUnknownMessage(attempt.failure())) {
            LOG.info("Message {} in channel {} is gone or not ours; nothing to mark resolved", messageId,
                    channel.getId());
            return new SendResult.Sent(messageId);
        }
        return attempt.result();
    }

    private Attempt await(Supplier<RestAction<Message>> action) {
        CompletableFuture<Message> future = null;
        try {
            future = action.get().submit();
            return new Attempt(future.get(timeout.toMillis(), TimeUnit.MILLISECONDS).getId(), null);
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

    private synchronized SendResult offline(JDA api) {
        Instant now = clock.instant();
        if (lastOfflineWarning.plus(WARN_EVERY).isBefore(now)) {
            lastOfflineWarning = now;
            LOG.warn("Discord is not connected ({}); Discord deliveries wait in the outbox",
                    api == null ? "not running" : api.getStatus());
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
