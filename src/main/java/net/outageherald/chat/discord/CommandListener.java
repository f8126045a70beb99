package net.outageherald.chat.discord;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.outageherald.command.ChatCommands;
import net.outageherald.command.CommandRateLimit;
import net.outageherald.command.CommandText;
import net.outageherald.command.Reply;
import net.outageherald.command.Suggestion;
import net.outageherald.model.InvalidTargetException;
import net.outageherald.model.TargetParser;
import net.outageherald.model.Destination;
import net.outageherald.model.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Translates slash commands and autocomplete into {@link ChatCommands} calls. Bad input and missing
 * permissions are caught here, before anything is deferred, so they are answered at once and privately;
 * /status and /history may check live, and /chart draws, so they are always deferred. Each member may send
 * {@link CommandRateLimit} commands a minute, checked before any work is queued; autocomplete is not
 * counted, as Discord asks for it at every keystroke.
 */
final class CommandListener extends ListenerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(CommandListener.class);
    private static final int MAX_CHOICES = 25;
    private static final int MAX_CHOICE_LENGTH = 100;

    private final ChatCommands commands;
    private final TargetParser parser;
    private final InteractionReplies replies;
    private final SubscribeChecks checks = new SubscribeChecks();
    private final Executor pool;
    private final Executor slowPool;
    private final CommandRateLimit limit;

    /**
     * @param pool     runs the quick {@link ChatCommands} calls (our own database), answered at once
     * @param slowPool runs the deferred ones (live checks); the checks and the deferral stay on the gateway
     *                 thread, and slow checks never queue in front of quick answers, so the 3-second window
     *                 holds for every command
     */
    CommandListener(ChatCommands commands, TargetParser parser, InteractionReplies replies, Executor pool,
                    Executor slowPool, CommandRateLimit limit) {
        this.slowPool = slowPool;
        this.limit = limit;
        this.commands = commands;
        this.parser = parser;
        this.replies = replies;
        this.pool = pool;
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        try {
            CommandRateLimit.Verdict verdict = limit.check(Platform.DISCORD, event.getUser().getId());
            if (verdict != CommandRateLimit.Verdict.ANSWER) {
                if (verdict == CommandRateLimit.Verdict.WARN) {
                    replies.now(event, CommandRateLimit.slowDown());
                }
                // a dropped one is left unanswered: Discord tells the sender it did not respond
                return;
            }
            if (event.getGuild() == null) {
                replies.now(event, Reply.error("Servers only", "Use these commands in a server channel."));
                return;
            }
            switch (event.getName()) {
                case SlashCommands.HELP -> answer(event, commands::help);
                case SlashCommands.STATUS -> withTarget(event)
                        .ifPresent(t -> deferred(event, () -> commands.status(t)));
                case SlashCommands.HISTORY -> withTarget(event)
                        .ifPresent(t -> deferred(event, () -> commands.history(t)));
                case SlashCommands.CHART -> withTarget(event)
                        .ifPresent(t -> deferred(event, () -> commands.chart(t)));
                case SlashCommands.SUBSCRIBE -> subscribe(event, true);
                case SlashCommands.UNSUBSCRIBE -> subscribe(event, false);
                case SlashCommands.SUBSCRIPTIONS ->
                        answer(event, () -> commands.subscriptions(destination(event.getChannelId())));
                default -> replies.now(event, Reply.error("Unknown command /" + event.getName(),
                        "This command is not (or no longer) offered. Type /help for the commands."));
            }
        } catch (RuntimeException e) {
            replies.failed(event, e);
        }
    }

    private void subscribe(SlashCommandInteractionEvent event, boolean add) {
        Optional<Reply> refusal = checks.mayManage(event);
        if (refusal.isPresent()) {
            replies.now(event, refusal.get());
            return;
        }
        Optional<String> target = withTarget(event);
        if (target.isEmpty()) {
            return;
        }
        SubscribeChecks.Outcome channel = checks.channel(event, add);
        if (channel.refusal() != null) {
            replies.now(event, channel.refusal());
            return;
        }
        Destination to = destination(channel.channelId());
        answer(event, () -> add ? commands.subscribe(to, target.get()) : commands.unsubscribe(to, target.get()));
    }

    /** Answers at once with what the command says: our own database only, well within 3 seconds. */
    private void answer(SlashCommandInteractionEvent event, Supplier<Reply> command) {
        onPool(pool, event, () -> replies.now(event, command.get()));
    }

    /** Acknowledges now ("thinking…"), then answers when the command is done, however long it takes. */
    private void deferred(SlashCommandInteractionEvent event, Supplier<Reply> command) {
        replies.defer(event);
        onPool(slowPool, event, () -> replies.finish(event, command.get()));
    }

    private void onPool(Executor executor, SlashCommandInteractionEvent event, Runnable task) {
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    replies.failed(event, e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("Shutting down; /{} not answered", event.getName());
        }
    }

    /** The target as typed, once it parses; otherwise answers with the accepted forms and returns empty. */
    private Optional<String> withTarget(SlashCommandInteractionEvent event) {
        TargetOption target = TargetOption.read(parser, event.getOption(SlashCommands.TARGET, "", OptionMapping::getAsString));
        if (!target.readable()) {
            replies.now(event, target.refusal());
            return Optional.empty();
        }
        return Optional.of(target.target());
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        try {
            pool.execute(() -> complete(event));
        } catch (RejectedExecutionException e) {
            LOG.debug("Shutting down; autocomplete not answered");
        }
    }

    private void complete(CommandAutoCompleteInteractionEvent event) {
        List<Command.Choice> choices = List.of();
        try {
            if (SlashCommands.TARGET.equals(event.getFocusedOption().getName())) {
                String partial = CommandText.clean(event.getFocusedOption().getValue()).strip();
                // the channel the command is about: its own option when given (an id while typing), else this one
                String channel = event.getOption(SlashCommands.CHANNEL, event.getChannelId(), OptionMapping::getAsString);
                // an autocomplete's other options are not checked by Discord: a channel of another server would
                // show what that server follows, so only this server's channels are asked about
                boolean ours = channel != null && event.getGuild() != null && Snowflakes.isSnowflake(channel)
                        && event.getGuild().getGuildChannelById(channel) != null;
                Destination in = destination(ours ? channel : event.getChannelId());
                List<Suggestion> found = SlashCommands.UNSUBSCRIBE.equals(event.getName())
                        ? commands.suggestFollowed(in, partial, MAX_CHOICES)
                        : commands.suggest(in, partial, MAX_CHOICES);
                choices = choices(found);
            }
        } catch (RuntimeException e) {
            LOG.warn("Autocomplete failed for '{}'", event.getFocusedOption().getValue(), e);
        }
        event.replyChoices(choices)
                .queue(null, f -> LOG.debug("Autocomplete answer not delivered: {}", f.getMessage()));
    }

    /** Discord's limits: 25 choices, names and values of 1 to 100 characters; a value the parser reads. */
    private List<Command.Choice> choices(List<Suggestion> found) {
        Set<String> values = new HashSet<>();
        List<Command.Choice> out = new ArrayList<>();
        for (Suggestion s : found) {
            if (out.size() == MAX_CHOICES || s.label().isBlank() || s.value().isBlank()
                    || s.value().length() > MAX_CHOICE_LENGTH || !parses(s.value()) || !values.add(s.value())) {
                continue;
            }
            out.add(new Command.Choice(clip(s.label()), s.value()));
        }
        return out;
    }

    private boolean parses(String value) {
        try {
            parser.parse(value);
            return true;
        } catch (InvalidTargetException e) {
            return false;
        }
    }

    private static String clip(String s) {
        return s.length() <= MAX_CHOICE_LENGTH ? s : s.substring(0, MAX_CHOICE_LENGTH - 1) + "…";
    }

    private static Destination destination(String channelId) {
        return new Destination(Platform.DISCORD, channelId);
    }
}
