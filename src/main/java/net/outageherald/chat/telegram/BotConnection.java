package net.outageherald.chat.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import net.outageherald.chat.telegram.TelegramFrontEnd.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * One bot's connection: getMe (a rejected token ends it here), setMyCommands, then long polling with
 * updates handed to a small command pool so a slow /status never holds up the poll loop. When the API
 * cannot be reached it tries again in the background with a capped backoff, saying so once. Polling runs
 * only while {@link #poll} allows it (the Bot API takes one getUpdates consumer per bot: with several
 * instances, the leader's); sends go on regardless.
 */
final class BotConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BotConnection.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(2);
    private static final Duration MAX_RETRY = Duration.ofMinutes(5);
    private static final int QUEUED_UPDATES = 200;

    private final TelegramClient client;
    private final TelegramHttp http;
    private final TelegramBotToken token;
    private final TelegramConfig config;
    private final TelegramUrl url;
    private final Function<String, CommandHandler> handlers;
    private final Consumer<State> onState;
    private final ScheduledExecutorService lifecycle = singleThread("telegram-connect");
    private final ScheduledExecutorService poller = singleThread("telegram-poll");
    private final ExecutorService commandPool;
    private volatile TelegramBotsLongPollingApplication app;
    private volatile boolean pollWanted;
    private CommandHandler handler;
    private Duration nextRetry = FIRST_RETRY;
    private int failures;
    private volatile boolean closed;

    BotConnection(TelegramClient client, TelegramHttp http, TelegramBotToken token, TelegramConfig config,
                  Function<String, CommandHandler> handlers, Consumer<State> onState, boolean poll) {
        this.client = client;
        this.http = http;
        this.token = token;
        this.config = config;
        this.url = TelegramFrontEnd.telegramUrl(config);
        this.handlers = handlers;
        this.onState = onState;
        this.commandPool = commandPool(config.commandThreads());
        this.pollWanted = poll;
    }

    /** One attempt now; on a transient failure the next ones run in the background. */
    synchronized State connect() {
        if (closed) {
            return State.STOPPED;
        }
        User me;
        try {
            me = client.execute(new GetMe());
        } catch (TelegramApiException | RuntimeException e) {
            Integer code = TelegramFailures.errorCode(e);
            if (code != null && (code == 401 || code == 404)) {
                // 401 for a wrong token, 404 for one that is not even shaped like a token
                LOG.error("Telegram: the Bot API at {} rejected the bot token of bot {} ({}). Check {} or telegram.token-file. "
                        + "The Telegram bot stays off; the rest of the service runs on.", config.apiUrl(), token.botId(),
                        TelegramFailures.describe(e, token), TelegramConfig.TOKEN_ENV);
                release();
                return report(State.BAD_TOKEN);
            }
            return retryLater("getMe", e);
        }
        registerCommands();
        handler = handlers.apply(me.getUserName());
        if (pollWanted) {
            try {
                startPolling();
            } catch (TelegramApiException | RuntimeException e) {
                closeApp();
                return retryLater("deleteWebhook", e);
            }
        }
        if (closed) {
            closeApp();
            return State.STOPPED;
        }
        LOG.info("Telegram: bot @{} is {} via {}{}", me.getUserName(), pollWanted ? "listening for commands"
                        : "connected (another instance takes the updates; this one sends)", config.apiUrl(),
                failures == 0 ? "" : " (after " + failures + (failures == 1 ? " failed attempt)" : " failed attempts)"));
        return report(State.RUNNING);
    }

    /** Polling starts inside registerBot. */
    private void startPolling() throws TelegramApiException {
        CommandHandler h = handler;
        app = new TelegramBotsLongPollingApplication(ObjectMapper::new, http::polling, () -> poller);
        app.registerBot(token.reveal(), () -> url, last -> getUpdates(last, config.pollTimeout()),
                updates -> dispatch(updates, h));
        if (!pollWanted) {
            closeApp(); // told to stop while it started
        }
    }

    /**
     * Starts or stops taking updates. Stopping cancels the getUpdates in flight and returns once the poll
     * loop is idle, so that another consumer may start right after without a 409 Conflict.
     */
    void poll(boolean on) {
        pollWanted = on;
        if (on) {
            try {
                lifecycle.execute(this::pollIfConnected);
            } catch (RejectedExecutionException closing) {
                // closed
            }
            return;
        }
        closeApp();
        http.cancelPolls();
        try {
            poller.submit(() -> { }).get(5, TimeUnit.SECONDS); // after the poll task that was running
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException
                 | RejectedExecutionException e) {
            LOG.debug("Telegram: waiting for the poll loop to end: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void pollIfConnected() {
        if (closed || !pollWanted || handler == null || app != null) {
            return; // not connected yet: connect() starts polling when it is
        }
        try {
            startPolling();
            LOG.info("Telegram: taking the bot's updates on this instance now");
        } catch (TelegramApiException | RuntimeException e) {
            closeApp();
            retryLater("deleteWebhook", e);
        }
    }

    private void registerCommands() {
        try {
            client.execute(SetMyCommands.builder().commands(BotCommandSpec.botCommands()).build());
        } catch (TelegramApiException | RuntimeException e) {
            // the commands still work when typed; only the menu is missing
            LOG.warn("Telegram: could not register the command menu: {}", TelegramFailures.describe(e, token));
        }
    }

    private void dispatch(List<Update> updates, CommandHandler handler) {
        for (Update update : updates) {
            // the rate limit is applied here, before queueing, so a flood never fills the pool's queue
            Runnable task = handler.admit(update).orElse(null);
            if (task == null) {
                continue;
            }
            try {
                commandPool.execute(task);
            } catch (RejectedExecutionException e) {
                if (commandPool.isShutdown()) {
                    return; // stopping; unanswered updates come again at the next start
                }
                LOG.warn("Telegram: too many commands at once, dropped update {}", update.getUpdateId());
            }
        }
    }

    private State retryLater(String call, Exception e) {
        failures++;
        String why = TelegramFailures.describe(e, token);
        if (failures == 1) {
            LOG.warn("Telegram: cannot reach the Bot API at {} ({} failed: {}); trying again in the background",
                    config.apiUrl(), call, why);
        } else {
            LOG.debug("Telegram: attempt {} failed ({}: {})", failures, call, why);
        }
        Duration wait = nextRetry;
        nextRetry = nextRetry.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : nextRetry.multipliedBy(2);
        try {
            lifecycle.schedule(this::connect, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            return State.STOPPED;
        }
        return report(State.CONNECTING);
    }

    private State report(State state) {
        onState.accept(state);
        return state;
    }

    @Override
    public void close() {
        closed = true; // no lock: a connect in progress may hold it for a whole HTTP timeout
        release();
        awaitOrInterrupt(commandPool, Duration.ofSeconds(5));
    }

    private static void awaitOrInterrupt(ExecutorService executor, Duration patience) {
        try {
            if (!executor.awaitTermination(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Ends polling and the retries; commands already running may finish. */
    private void release() {
        lifecycle.shutdownNow();
        closeApp();
        poller.shutdown();
        // let the poll in flight come back by itself: interrupted, telegrambots logs it as an ERROR with a trace
        awaitOrInterrupt(poller, Duration.ofSeconds(1));
        commandPool.shutdown();
    }

    private void closeApp() {
        TelegramBotsLongPollingApplication a = app;
        app = null;
        if (a != null) {
            try {
                a.close();
            } catch (Exception e) {
                LOG.debug("Telegram: closing the poller: {}", TelegramFailures.describe(e, token));
            }
        }
    }

    private static GetUpdates getUpdates(int lastUpdateId, Duration pollTimeout) {
        return GetUpdates.builder()
                .offset(lastUpdateId + 1)
                .limit(100)
                .timeout((int) pollTimeout.toSeconds())
                .allowedUpdates(List.of("message", "channel_post"))
                .build();
    }

    private static ExecutorService commandPool(int threads) {
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUED_UPDATES),
                daemon("telegram-command"));
    }

    private static ScheduledExecutorService singleThread(String name) {
        return Executors.newSingleThreadScheduledExecutor(daemon(name));
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
