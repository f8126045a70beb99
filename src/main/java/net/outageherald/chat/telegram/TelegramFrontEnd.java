package net.outageherald.chat.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.outageherald.command.ChatCommands;
import net.outageherald.command.CommandRateLimit;
import net.outageherald.outbox.Sender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * The Telegram side of the service, wired by hand in one place: {@link #start()} checks the token,
 * registers the commands and starts long polling; {@link #sender()} is what the delivery pipeline uses
 * to post. A missing or rejected token turns the bot off with one clear log line and never an
 * exception: the rest of the service runs on.
 */
public final class TelegramFrontEnd implements AutoCloseable {

    /** Where the bot stands. */
    public enum State { NEW, NO_TOKEN, BAD_TOKEN, CONNECTING, RUNNING, STOPPED }

    private static final Logger LOG = LoggerFactory.getLogger(TelegramFrontEnd.class);

    private final TelegramConfig config;
    private final ChatCommands commands;
    private final Clock clock;
    private final TelegramRenderer renderer = new TelegramRenderer();
    private final CommandRateLimit limit;
    private final TelegramBotToken token;
    private final TelegramHttp http;
    private final OkHttpTelegramClient client;
    private final Sender sender;
    private final Object lock = new Object();
    private State state = State.NEW;
    private BotConnection connection;
    private volatile boolean polling = true;

    /**
     * @param config   the {@code telegram:} section (token, API URL, admin cache, poll timeout)
     * @param commands the platform-neutral command logic
     * @param clock    for the admin cache and the limit on commands per person
     */
    public TelegramFrontEnd(TelegramConfig config, ChatCommands commands, Clock clock) {
        this.config = config;
        this.commands = commands;
        this.clock = clock;
        this.limit = new CommandRateLimit(clock);
        this.token = config.token();
        if (token == null) {
            this.http = null;
            this.client = null;
            this.sender = null;
        } else {
            this.http = new TelegramHttp(config.pollTimeout(), config.requestTimeout());
            ObjectMapper requestJson = new ObjectMapper();
            this.client = new OkHttpTelegramClient(requestJson, http.calls(), token.reveal(), telegramUrl(config));
            this.sender = new TelegramSender(client, renderer, token, config.allowPaidBroadcast(), requestJson);
        }
    }

    /**
     * The sender for the delivery pipeline, present whenever a token is configured, also before
     * {@link #start()} and after a rejected token (sends then answer Retry, so the outbox keeps them
     * until the operator fixes the token).
     */
    public Optional<Sender> sender() {
        return Optional.ofNullable(sender);
    }

    /**
     * Connects the bot: getMe, setMyCommands, then long polling. Never throws. When Telegram cannot be
     * reached it keeps trying in the background ({@link State#CONNECTING}).
     */
    public State start() {
        synchronized (lock) {
            if (state != State.NEW) {
                return state;
            }
            if (token == null) {
                LOG.info("Telegram: no bot token ({} or telegram.token-file), so the Telegram bot is off; "
                        + "the service runs on without it", TelegramConfig.TOKEN_ENV);
                state = State.NO_TOKEN;
                return state;
            }
            state = State.CONNECTING;
            connection = new BotConnection(client, http, token, config, this::newHandler, this::onState, polling);
        }
        connection.connect();
        return state();
    }

    /**
     * Whether this instance takes the bot's updates (getUpdates): yes by default; with several instances
     * only the leader does, and stopping returns once its last poll has ended. Sends are not affected.
     */
    public void poll(boolean on) {
        BotConnection c;
        synchronized (lock) {
            polling = on;
            c = connection;
        }
        if (c != null) {
            c.poll(on);
        }
    }

    public State state() {
        synchronized (lock) {
            return state;
        }
    }

    /** Stops polling, lets running commands finish briefly, and releases threads and connections. */
    public void stop() {
        BotConnection c;
        synchronized (lock) {
            if (state == State.STOPPED) {
                return;
            }
            state = State.STOPPED;
            c = connection;
        }
        if (c != null) {
            c.close();
        }
        if (http != null) {
            http.close();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Called by the connection, also from its background retries. */
    private void onState(State reported) {
        synchronized (lock) {
            if (state == State.CONNECTING) {
                state = reported;
            }
        }
    }

    private CommandHandler newHandler(String botUsername) {
        ChatAdmins admins = new ChatAdmins(client, clock, config.adminCacheTtl(), token);
        Map<String, String> named = new HashMap<>();
        for (TelegramConfig.StaticSubscription sub : config.subscriptions()) {
            if (sub.chat().startsWith("@")) {
                named.put(sub.chat().toLowerCase(Locale.ROOT), sub.chat());
            }
        }
        return new CommandHandler(client, commands, admins, renderer, botUsername, token, named, limit);
    }

    static TelegramUrl telegramUrl(TelegramConfig config) {
        String scheme = config.apiUrl().getScheme().toLowerCase(Locale.ROOT);
        int port = config.apiUrl().getPort() > 0 ? config.apiUrl().getPort() : scheme.equals("https") ? 443 : 80;
        return new TelegramUrl(scheme, config.apiUrl().getHost(), port, false);
    }
}
