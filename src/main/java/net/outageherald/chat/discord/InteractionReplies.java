package net.outageherald.chat.discord;

import java.util.EnumSet;
import net.dv8tion.jda.api.entities.Message.MentionType;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.CommandInteractionPayload;
import net.outageherald.command.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers interactions within Discord's 3-second window. A refusal or bad input ({@code Reply.ok() == false})
 * is ephemeral, seen only by who asked; a slow answer is deferred first ("thinking…") and then either
 * replaces the placeholder or, if it turned out to be a refusal, removes it and follows up ephemerally
 * (a deferred placeholder's visibility cannot be changed afterwards).
 */
final class InteractionReplies {

    private static final Logger LOG = LoggerFactory.getLogger(InteractionReplies.class);

    private final DiscordRenderer renderer;

    InteractionReplies(DiscordRenderer renderer) {
        this.renderer = renderer;
    }

    /** Replies straight away: for answers that take no I/O beyond our own database. */
    void now(IReplyCallback event, Reply reply) {
        if (event.isAcknowledged()) {
            finish(event, reply);
            return;
        }
        event.replyEmbeds(renderer.render(reply.message()))
                .setEphemeral(!reply.ok())
                .setAllowedMentions(EnumSet.noneOf(MentionType.class))
                .queue(null, failure -> LOG.warn("Could not answer /{}: {}", name(event), failure.getMessage()));
    }

    /** Acknowledges at once with a public "thinking…" placeholder, for answers that may take seconds. */
    void defer(IReplyCallback event) {
        event.deferReply()
                .queue(null, failure -> LOG.warn("Could not defer /{}: {}", name(event), failure.getMessage()));
    }

    /** Our own failure: the person still gets an answer, the log gets the stack trace. */
    void failed(IReplyCallback event, RuntimeException failure) {
        LOG.error("/{} failed", name(event), failure);
        now(event, Reply.error("Something went wrong on our side",
                "The command could not be completed. Please try again in a minute."));
    }

    /** Shows the answer to a deferred interaction: replaces the placeholder, or makes a refusal private. */
    void finish(IReplyCallback event, Reply reply) {
        InteractionHook hook = event.getHook();
        MessageEmbed embed = renderer.render(reply.message());
        if (reply.ok() && reply.hasChart()) {
            // the chart as the embed's image; should the upload be refused, the text alone still shows
            hook.editOriginalEmbeds(DiscordCharts.withImage(embed)).setFiles(DiscordCharts.upload(reply.chart()))
                    .setAllowedMentions(EnumSet.noneOf(MentionType.class))
                    .queue(null, failure -> {
                        LOG.info("Could not show the chart ({}); showing the text alone", failure.getMessage());
                        hook.editOriginalEmbeds(embed).setAllowedMentions(EnumSet.noneOf(MentionType.class))
                                .queue(null, f -> LOG.warn("Could not show the answer: {}", f.getMessage()));
                    });
            return;
        }
        if (reply.ok()) {
            hook.editOriginalEmbeds(embed).setAllowedMentions(EnumSet.noneOf(MentionType.class))
                    .queue(null, failure -> LOG.warn("Could not show the answer: {}", failure.getMessage()));
            return;
        }
        // the placeholder was public; a refusal belongs to the person who asked only
        hook.deleteOriginal().queue(null, failure -> LOG.debug("Placeholder already gone: {}", failure.getMessage()));
        hook.sendMessageEmbeds(embed).setEphemeral(true).setAllowedMentions(EnumSet.noneOf(MentionType.class))
                .queue(null, failure -> LOG.warn("Could not send the refusal: {}", failure.getMessage()));
    }

    private static String name(IReplyCallback event) {
        return event instanceof CommandInteractionPayload c
                ? c.getFullCommandName() : "command";
    }
}
