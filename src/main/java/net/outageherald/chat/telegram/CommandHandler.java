package net.outageherald.chat.telegram;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.outageherald.command.ChatCommands;
import net.outageherald.command.CommandRateLimit;
import net.outageherald.command.Reply;
import net.outageherald.model.Destination;
import net.outageherald.model.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.ActionType;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Answers one update: finds the command in a message or channel post, checks who may use it, calls
 * {@link ChatCommands} and posts the {@link Reply} as an answer to the command. Every bad input gets a
 * short reply; plain chatter in groups and channels, and commands for other bots, get none. Each sender
 * may send {@link CommandRateLimit} commands a minute; {@link #admit} applies that before any work is queued.
 */
final class CommandHandler {

    private static final Logger LOG = LoggerFactory.getLogger(CommandHandler.class);

    private final TelegramClient client;
    private final ChatCommands commands;
    private final ChatAdmins admins;
    private final TelegramRenderer renderer;
    private final String botUsername;
    private final TelegramBotToken token;
    private final Map<String, String> namedChats;
    private final CommandRateLimit limit;

    /**
     * @param namedChats the config's {@code @name} chats by lower-case name: commands in such a chat act on
     *                   that destination, so they see and manage its configured subscriptions
     */
    CommandHandler(TelegramClient client, ChatCommands commands, ChatAdmins admins, TelegramRenderer renderer,
                   String botUsername, TelegramBotToken token, Map<String, String> namedChats,
                   CommandRateLimit limit) {
        this.namedChats = Map.copyOf(namedChats);
        this.limit = limit;
        this.client = client;
        this.commands = commands;
        this.admins = admins;
        this.renderer = renderer;
        this.botUsername = botUsername;
        this.token = token;
    }

    /**
     * The work an update asks for, decided on the poll thread without I/O: nothing for chatter, commands
     * of other bots and senders over their limit (the first of those gets one polite reply instead).
     */
    Optional<Runnable> admit(Update update) {
        Message message = messageOf(update);
        if (message == null || route(message) instanceof Route.Ignore) {
            return Optional.empty();
        }
        return switch (limit.check(Platform.TELEGRAM, sender(message))) {
            case ANSWER -> Optional.of(() -> handle(update));
            case WARN -> Optional.of(() -> send(message, CommandRateLimit.slowDown()));
            case DROP -> Optional.empty();
        };
    }

    /** Handles one update; never throws (it runs on a pool thread nobody watches). */
    void handle(Update update) {
        Message message = messageOf(update);
        if (message == null) {
            return;
        }
        try {
            answer(message).ifPresent(reply -> send(message, reply));
        } catch (RuntimeException e) {
            LOG.error("Telegram: update {} in chat {} failed", update.getUpdateId(), message.getChatId(), e);
            send(message, Reply.error("Something went wrong", "That did not work on our side. Please try again later."));
        }
    }

    private static Message messageOf(Update update) {
        Message message = update.hasMessage() ? update.getMessage() : update.hasChannelPost() ? update.getChannelPost() : null;
        return message == null || message.getChat() == null || !message.hasText() ? null : message;
    }

    /** Who a limit applies to: the user, or the channel or group an anonymous post speaks for. */
    private static String sender(Message message) {
        if (message.getFrom() != null) {
            return Long.toString(message.getFrom().getId());
        }
        return Long.toString(message.getSenderChat() != null ? message.getSenderChat().getId() : message.getChatId());
    }

    /** What a message asks of us, from its text and chat alone. */
    private sealed interface Route {
        /** Not for us: no reply at all. */
        record Ignore() implements Route {
        }

        /** For us, but no command we can run: this reply. */
        record Refuse(Reply reply) implements Route {
        }

        /** A command of ours with its argument. */
        record Run(BotCommandSpec command, String argument) implements Route {
        }
    }

    private Route route(Message message) {
        boolean privateChat = message.getChat().isUserChat();
        Optional<CommandLine> parsed = CommandLine.parse(message.getText(), botUsername);
        if (parsed.isEmpty()) {
            return privateChat && !CommandLine.forAnotherBot(message.getText(), botUsername)
                    ? new Route.Refuse(Reply.error("I only understand commands", "Try /status KP, or /help for all of them."))
                    : new Route.Ignore();
        }
        CommandLine line = parsed.get();
        Optional<BotCommandSpec> spec = BotCommandSpec.byName(line.name());
        if (spec.isEmpty()) {
            // in a channel every post reaches us: stay quiet unless the post clearly meant this bot
            return message.getChat().isChannelChat() && !line.addressed() ? new Route.Ignore()
                    : new Route.Refuse(Reply.error("Unknown command /" + line.name(),
                    "I understand " + BotCommandSpec.list() + ". /help explains them."));
        }
        return new Route.Run(spec.get(), line.argument());
    }

    /** The reply to a message, if it gets one; runs the command, so it may take seconds. Package-private for tests. */
    Optional<Reply> answer(Message message) {
        Route route = route(message);
        if (route instanceof Route.Refuse refuse) {
            return Optional.of(refuse.reply());
        }
        if (!(route instanceof Route.Run run)) {
            return Optional.empty();
        }
        BotCommandSpec command = run.command();
        if (command.slow() && !message.getChat().isChannelChat()) { // channels have no chat actions
            typing(message);
        }
        if (command.adminOnly()) {
            ChatAdmins.Verdict verdict = admins.mayManage(message);
            if (!verdict.allowed()) {
                return Optional.of(Reply.error("Only admins can do that", verdict.why()));
            }
        }
        Destination here = destination(message.getChat());
        String arg = run.argument();
        Reply reply = switch (command) {
            case START, HELP -> commands.help();
            case STATUS -> commands.status(arg);
            case SUBSCRIBE -> commands.subscribe(here, arg);
            case UNSUBSCRIBE -> commands.unsubscribe(here, arg);
            case SUBSCRIPTIONS -> commands.subscriptions(here);
            case HISTORY -> commands.history(arg);
            case CHART -> commands.chart(arg);
        };
        if (reply == null) {
            throw new IllegalStateException("ChatCommands answered /" + command.command() + " with null");
        }
        return Optional.of(reply);
    }

    /** A public chat the config names as {@code @name} is that destination; any other is its numeric id. */
    private Destination destination(org.telegram.telegrambots.meta.api.objects.chat.Chat chat) {
        String name = chat.getUserName();
        String configured = name == null ? null : namedChats.get("@" + name.toLowerCase(Locale.ROOT));
        return new Destination(Platform.TELEGRAM, configured != null ? configured : Long.toString(chat.getId()));
    }

    private void send(Message to, Reply reply) {
        if (reply.hasChart() && sendChart(to, reply)) {
            return;
        }
        SendMessage.SendMessageBuilder<?, ?> send = SendMessage.builder()
                .chatId(to.getChatId())
                .text(renderer.render(reply))
                .parseMode(TelegramRenderer.PARSE_MODE)
                .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build())
                .replyParameters(ReplyParameters.builder().messageId(to.getMessageId()).allowSendingWithoutReply(true).build());
        if (to.isTopicMessage() && to.getMessageThreadId() != null) {
            send.messageThreadId(to.getMessageThreadId());
        }
        try {
            client.execute(send.build());
        } catch (TelegramApiException | RuntimeException e) {
            LOG.warn("Telegram: could not answer in chat {}: {}", to.getChatId(), TelegramFailures.describe(e, token));
        }
    }

    /** The chart with the reply as its caption; false when it did not go, for the text to go alone. */
    private boolean sendChart(Message to, Reply reply) {
        String caption = renderer.render(reply);
        SendPhoto.SendPhotoBuilder<?, ?> photo = SendPhoto.builder()
                .chatId(to.getChatId())
                .photo(new InputFile(new ByteArrayInputStream(reply.chart()), TelegramPhotos.FILE_NAME))
                .replyParameters(ReplyParameters.builder().messageId(to.getMessageId()).allowSendingWithoutReply(true).build());
        if (TelegramPhotos.fitsCaption(caption)) {
            photo.caption(caption).parseMode(TelegramRenderer.PARSE_MODE);
        }
        if (to.isTopicMessage() && to.getMessageThreadId() != null) {
            photo.messageThreadId(to.getMessageThreadId());
        }
        try {
            client.execute(photo.build());
            return TelegramPhotos.fitsCaption(caption); // else the text follows
        } catch (TelegramApiException | RuntimeException e) {
            LOG.info("Telegram: no chart in chat {} ({}); answering with the text", to.getChatId(),
                    TelegramFailures.describe(e, token));
            return false;
        }
    }

    /** "typing…" while a live check runs; fire and forget, it is only a courtesy. */
    private void typing(Message in) {
        try {
            client.executeAsync(SendChatAction.builder().chatId(in.getChatId()).action(ActionType.TYPING.toString()).build());
        } catch (TelegramApiException | RuntimeException e) {
            LOG.debug("Telegram: no typing indicator in chat {}: {}", in.getChatId(), TelegramFailures.describe(e, token));
        }
    }
}
