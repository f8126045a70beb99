package net.outageherald.chat.discord;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.exceptions.RateLimitedException;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.outageherald.command.ChatCommands;
import net.outageherald.command.CommandRateLimit;
import net.outageherald.model.TargetParser;
import net.outageherald.outbox.Sender;
import net.outageherald.subscribe.Subscriptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Discord bot: connects this instance's shards with JDA's shard manager ({@code discord.shards}, one shard
 * unless several instances share the bot), registers the slash commands, answers them through
 * {@link ChatCommands} (an interaction arrives on the shard of its server), ends subscriptions of channels that
 * are gone, and offers the {@link #sender()} the delivery pipeline uses, which reaches any channel.
 * Without a token it stays off and says so; a rejected token is one clear error, never an exception, so the
 * rest of the service keeps running.
 */
public final class DiscordFrontEnd {

    private static final Logger LOG = LoggerFactory.getLogger(DiscordFrontEnd.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    private static final Duration LAST_RETRY = Duration.ofMinutes(5);

    /** Where the bot is in its life. */
    public enum State { NEW, DISABLED, CONNECTING, READY, FAILED, STOPPED }

    private final DiscordConfig config;
    private final ChatCommands commands;
    private final Subscriptions subscriptions;
    private final DiscordRenderer renderer = new DiscordRenderer();
    private final DiscordSender sender;
    private final SessionListener session;
    private final ExecutorService commandPool;
    private final ExecutorService slowCommandPool;
    private final ScheduledExecutorService retries;
    private final CommandRateLimit limit;
    private volatile ShardManager shards;

    /** {@code config} as {@link DiscordConfigBinder} made it, the environment already applied. */
    public DiscordFrontEnd(DiscordConfig config, ChatCommands commands, Subscriptions subscriptions, Clock clock) {
        this.config = config;
        this.commands = commands;
        this.subscriptions = subscriptions;
        this.sender = new DiscordSender(() -> shards, config.shards().holdsAll(), renderer, config.requestTimeout(),
                clock);
        this.session = new SessionListener(config.shards());
        this.commandPool = commandPool("discord-commands");
        this.slowCommandPool = commandPool("discord-live-checks");
        this.retries = Executors.newSingleThreadScheduledExecutor(threads("discord-login"));
        this.limit = new CommandRateLimit(clock);
    }

    /** Sends deliveries to Discord channels; answers Retry while the bot is not connected. */
    public Sender sender() {
        return sender;
    }

    public State state() {
        return session.state();
    }

    /**
     * Connects and waits up to the configured start timeout for the gateway to be ready. Returns without
     * throwing whatever happens: no token, a rejected token, Discord unreachable (retried in the background).
     */
    public synchronized void start() {
        if (session.state() != State.NEW) {
            LOG.warn("Discord front-end already started ({})", session.state());
            return;
        }
        Optional<String> token = Optional.ofNullable(config.token());
        if (token.isEmpty()) {
            session.disable();
            LOG.info("Discord is off: no bot token (set {} or discord.token-file)", DiscordConfig.TOKEN_ENV);
            return;
        }
        session.connecting();
        if (!config.shards().holds(0)) {
            LOG.info("Discord shards {} here; the instance with shard 0 registers the slash commands", config.shards());
        }
        if (login(token.get(), FIRST_RETRY)) {
            awaitFirstAnswer();
        }
    }

    /** Disconnects cleanly, or forcibly after the configured shutdown timeout. */
    public synchronized void stop() {
        session.stopping();
        retries.shutdownNow();
        ShardManager manager = shards;
        if (manager != null) {
            shutDown(manager);
        }
        commandPool.shutdownNow();
        slowCommandPool.shutdownNow();
        session.stopped();
    }

    /** @return whether the first shard was built (the token accepted); if Discord was unreachable, a retry is scheduled */
    private boolean login(String token, Duration nextWait) {
        ShardManager manager = build(token);
        try {
            manager.login(); // the first shard in this thread: a rejected token or no answer shows here
            shards = manager;
            session.loggedIn();
            return true;
        } catch (RuntimeException e) {
            manager.shutdown(); // its pools, and any shard half built
            return loginFailed(token, nextWait, e);
        }
    }

    private boolean loginFailed(String token, Duration nextWait, RuntimeException e) {
        if (e instanceof InvalidTokenException || status(e) == 401) {
            session.fail("Discord rejected the bot token (401 Unauthorized): check " + DiscordConfig.TOKEN_ENV
                    + " or discord.token-file. Discord stays off; everything else keeps running.");
        } else if (!isTransient(e)) {
            session.fail("Discord could not start: " + e.getMessage());
        } else {
            session.unreachable(e, nextWait);
            Duration after = nextWait.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : nextWait.multipliedBy(2);
            retries.schedule(() -> retry(token, after), nextWait.toMillis(), TimeUnit.MILLISECONDS);
        }
        return false;
    }

    private synchronized void retry(String token, Duration nextWait) {
        if (session.state() == State.CONNECTING && shards == null) {
            login(token, nextWait);
        }
    }

    private ShardManager build(String token) {
        return DefaultShardManagerBuilder.createLight(token, EnumSet.noneOf(GatewayIntent.class)) // no privileged intents
                .setShardsTotal(config.shards().total())
                .setShards(config.shards().ids())
                .setRestConfig(new RestConfig().setBaseUrl(config.apiUrl()))
                .setSessionController(new FixedGatewayController(config.gatewayUrl()))
                .setEnableShutdownHook(false) // the application stops us in order
                .addEventListeners(session,
                        new CommandListener(commands, new TargetParser(), new InteractionReplies(renderer),
                                commandPool, slowCommandPool, limit),
                        new LifecycleListener(subscriptions))
                .build(false);
    }

    private void awaitFirstAnswer() {
        try {
            if (!session.awaitSettled(config.startTimeout())) {
                LOG.warn("Discord gateway not ready after {}; carrying on while JDA keeps connecting",
                        config.startTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for every shard to close cleanly within the shutdown timeout, then closes what is left forcibly. */
    private void shutDown(ShardManager manager) {
        List<JDA> running = manager.getShards();
        manager.shutdown();
        long deadline = System.nanoTime() + config.shutdownTimeout().toNanos();
        try {
            for (JDA shard : running) {
                long left = Math.max(0, deadline - System.nanoTime());
                if (!shard.awaitShutdown(left, TimeUnit.NANOSECONDS)) {
                    LOG.warn("Discord did not shut down within {}; closing forcibly", config.shutdownTimeout());
                    running.forEach(JDA::shutdownNow);
                    shard.awaitShutdown(1, TimeUnit.SECONDS);
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.forEach(JDA::shutdownNow);
        }
    }

    /** The HTTP status of a refused REST call (the first shard asks for the gateway and the bot user), else 0. */
    private static int status(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ErrorResponseException r) {
                return r.getResponse().code;
            }
        }
        return 0;
    }

    /** Discord unreachable or failing (I/O, 5xx, rate limit) rather than refusing us. */
    private static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ErrorResponseException r) {
                return r.getResponse().isError() || r.getResponse().code >= 500 || r.getResponse().code == 429;
            }
            if (t instanceof IOException || t instanceof RateLimitedException) {
                return true;
            }
        }
        return false;
    }

    /** Up to 16 commands at once (live checks wait on the network, not the CPU); idle threads go away. */
    private static ExecutorService commandPool(String name) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(16, 16, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                threads(name));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
