package net.outageherald.app;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import net.outageherald.command.CommandService;
import net.outageherald.config.Durations;
import net.outageherald.model.TargetParser;
import net.outageherald.model.Destination;
import net.outageherald.notify.message.EventMessages;
import net.outageherald.notify.Notifier;
import net.outageherald.outbox.Sender;
import net.outageherald.subscribe.SubscriptionService;
import net.outageherald.chat.console.ConsoleSender;
import net.outageherald.chat.discord.DiscordConfigBinder;
import net.outageherald.chat.discord.DiscordFrontEnd;
import net.outageherald.chat.telegram.TelegramFrontEnd;
import net.outageherald.source.ripestat.RipeStatConfig;
import net.outageherald.detect.Detector;
import net.outageherald.detect.LiveChecker;
import net.outageherald.detect.Pacer;
import net.outageherald.detect.PollJob;
import net.outageherald.detect.TargetResolver;
import net.outageherald.model.Target;
import net.outageherald.ops.CountingEventSink;
import net.outageherald.ops.HealthCheck;
import net.outageherald.ops.Metrics;
import net.outageherald.ops.OpsServer;
import net.outageherald.ops.PollMetrics;
import net.outageherald.ops.SourceHealthGauges;
import net.outageherald.ops.TargetStatusGauges;
import net.outageherald.schedule.Scheduler;
import net.outageherald.source.ResolutionSource;
import net.outageherald.source.RoutingSource;
import net.outageherald.source.ripestat.RipeStatClient;
import net.outageherald.source.ripestat.RipeStatResolutionSource;
import net.outageherald.source.ripestat.RipeStatRoutingSource;
import net.outageherald.source.ripestat.RipeStatConfig;
import net.outageherald.store.Database;
import net.outageherald.store.TargetRepository;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every part from the config, in order, by hand. Tests build it with a
 * fake RIPEstat URL, a temporary database and a mutable clock, and call the jobs directly.
 *
 * <p>{@link #start()} opens the operations endpoint (if enabled) and starts the schedule;
 * {@link #close(Duration)} takes everything down in the reverse order within a deadline.
 */
public final class App implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(App.class);
    /** /status reuses the poller's state when it is younger than this, else checks live. */
    static final Duration STATUS_FRESH_FOR = Duration.ofMinutes(1);
    /** A live check answers within this; prefixes not observed by then count as missed (status unknown). */
    static final Duration LIVE_CHECK_TIMEOUT = Duration.ofSeconds(10);

    private final HeraldConfig config;
    private final Metrics metrics;
    private final Database db;
    private final OkHttpClient http;
    private final RipeStatClient ripestat;
    private final ExecutorService io;
    private final PollJob poll;
    private final LiveChecker checker;
    private final TargetResolver resolver;
    private final Scheduler scheduler;
    private final CommandService commands;
    private final TelegramFrontEnd telegram;
    private final DiscordFrontEnd discord;
    private final Notifier notifier;
    private final TargetParser parser = new TargetParser();
    private final TargetRepository targets = new TargetRepository();
    private final HealthCheck health;
    private final CompletableFuture<Boolean> closed = new CompletableFuture<>();
    private volatile boolean closing;
    private OpsServer endpoint;

    private App(HeraldConfig config, Clock clock, PrintStream console, Pacer pacer, Map<String, String> env) {
        this.config = config;
        this.metrics = new Metrics();
        var registry = metrics.registry(); // stages that come later register their meters here too
        var dbc = config.database();
        this.db = Database.open(dbc.url(), dbc.username(), dbc.password() == null ? null : dbc.password().reveal(),
                dbc.poolSize());
        this.http = new OkHttpClient();
        this.ripestat = new RipeStatClient(config.ripestat(), http, clock);
        RoutingSource routing = new RipeStatRoutingSource(ripestat);
        ResolutionSource resolution = new RipeStatResolutionSource(ripestat, clock,
                config.detection().keepPrefixesFor());
        this.io = Executors.newFixedThreadPool(config.ripestat().maxInFlight(), daemon("herald-io"));
        this.resolver = new TargetResolver(resolution, routing, db, config.detection(), clock);
        this.checker = new LiveChecker(resolver, routing, db, config.detection(), clock, io, LIVE_CHECK_TIMEOUT);

        // chat front-ends answer commands; their senders deliver what the outbox holds
        SubscriptionService subscriptions = new SubscriptionService(db, config.notifications(), clock);
        this.commands = new CommandService(parser, subscriptions, checker, db, clock, STATUS_FRESH_FOR);
        this.telegram = new TelegramFrontEnd(config.telegram(), commands, clock);
        this.discord = new DiscordFrontEnd(config.discord(), commands, subscriptions, clock, env);
        List<Sender> senders = new ArrayList<>();
        if (config.notifications().consoleEnabled()) {
            senders.add(new ConsoleSender(console));
        }
        telegram.sender().ifPresent(senders::add);
        if (config.discord().token() != null) {
            senders.add(discord.sender()); // without a token it would only pile messages up in the outbox
        }
        this.notifier = new Notifier(config.notifications(), db, new EventMessages(), senders, registry, clock);

        Detector detector = new Detector(config.detection(), db, new CountingEventSink(notifier.sink(), registry),
                clock);
        this.poll = new PollJob(this::watched, resolver, routing, detector, config.detection(),
                config.ripestat().requestsPerMinute(), pacer, io, new PollMetrics(registry, "ripestat", clock));
        this.scheduler = new Scheduler(clock);
        new SourceHealthGauges(registry, "ripestat", ripestat::endpoints);
        new TargetStatusGauges(db, registry);
        this.health = new HealthCheck(scheduler, poll.name(),
                config.http().maxPollAge(config.detection().pollInterval()), clock, ripestat::endpoints);
    }

    /** Everything wired; nothing started. */
    public static App build(HeraldConfig config, Clock clock, PrintStream console) {
        return new App(config, clock, console, config.detection().spreadPolls() ? Pacer.sleeping() : Pacer.NONE,
                Map.of());
    }

    /** Opens the operations endpoint if enabled, syncs the config's subscriptions, starts delivery, the chat
     * front-ends and polling. */
    public void start() {
        startEndpoint();
        startChats();
        notifier.start();
        scheduler.every(poll, config.detection().pollInterval(), Duration.ofSeconds(1));
        scheduler.start();
        LOG.info("Outage Herald is watching {} target(s), polling every {}", watched().size(),
                Durations.format(config.detection().pollInterval()));
    }

    /**
     * Syncs the config's subscriptions and connects the chat front-ends (each logs and carries on when it
     * has no token or a bad one). Tests call this, then run polls and deliveries by hand.
     */
    public void startChats() {
        notifier.subscriptions().syncStatic(staticSubscriptions());
        telegram.start();
        discord.start();
    }

    /** The subscriptions the config asks for, per destination. */
    Map<Destination, List<Target>> staticSubscriptions() {
        Map<Destination, List<Target>> out = new LinkedHashMap<>();
        config.telegram().subscriptions().forEach(s -> out.merge(s.destination(), s.targets(), App::concat));
        config.discord().subscriptions().forEach(s -> out.merge(s.destination(), DiscordConfigBinder.targets(s),
                App::concat));
        return out;
    }

    /** The config's targets, then those that chats subscribed to. */
    public List<Target> watched() {
        Map<String, Target> all = new LinkedHashMap<>();
        config.watch().forEach(t -> all.putIfAbsent(t.key(), t));
        staticSubscriptions().values().forEach(list -> list.forEach(t -> all.putIfAbsent(t.key(), t)));
        List<String> keys = new ArrayList<>(notifier.subscriptions().subscribedTargetKeys());
        // a target whose outage is still open is watched until its restoration can be told, even if its
        // last follower left: whoever hears of it later must not be told of an outage long over
        keys.addAll(db.inTransaction(targets::withOpenOutage));
        for (String key : keys) {
            try {
                Target t = parser.parse(key);
                all.putIfAbsent(t.key(), t);
            } catch (RuntimeException e) {
                LOG.warn("ignoring a subscription to '{}': {}", key, e.getMessage());
            }
        }
        return List.copyOf(all.values());
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /**
     * Opens {@code /healthz} and {@code /metrics} if {@code http.enabled}, once; gives the port bound, or
     * -1 when disabled. Throws {@link UncheckedIOException} when the address cannot be bound.
     */
    public synchronized int startEndpoint() {
        var http = config.http();
        if (!http.enabled()) {
            return -1;
        }
        if (endpoint == null) {
            try {
                endpoint = OpsServer.start(http.address(), http.port(), health, metrics::scrape);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot serve health and metrics on " + http.address() + ":"
                        + http.port() + ": " + e.getMessage(), e);
            }
        }
        return endpoint.port();
    }

    public HealthCheck health() {
        return health;
    }

    /** The process's meter registry and its Prometheus view. */
    public Metrics metrics() {
        return metrics;
    }

    public PollJob pollJob() {
        return poll;
    }

    public LiveChecker checker() {
        return checker;
    }

    public Database database() {
        return db;
    }

    public Notifier notifier() {
        return notifier;
    }

    public CommandService commands() {
        return commands;
    }

    /** Stops within {@code shutdown.timeout}; see {@link #close(Duration)}. */
    @Override
    public void close() {
        close(config.shutdown().timeout());
    }

    /**
     * Stops everything in order: no new polls, the round in progress cut short (its requests are
     * interrupted), sends in flight finished, then chat connections, the endpoint and the database
     * closed. Gives false when something was still running at the deadline: the database is then left
     * for the process's exit to close (SQLite's journal and PostgreSQL's rollback keep it consistent).
     * A second call (the shutdown hook's, after the main thread's) waits for the first and gives its result.
     */
    public boolean close(Duration timeout) {
        synchronized (closed) {
            if (closing) {
                return closed.join();
            }
            closing = true;
        }
        boolean clean = false;
        try {
            clean = stop(timeout);
            return clean;
        } finally {
            closed.complete(clean);
        }
    }

    private boolean stop(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        scheduler.stopFiring();
        // requests in flight are interrupted; queued ones are cancelled, so a round waiting on them ends
        for (Runnable queued : io.shutdownNow()) {
            if (queued instanceof Future<?> f) {
                f.cancel(true);
            }
        }
        http.dispatcher().cancelAll(); // a blocked socket read ignores interrupts; a cancelled call does not
        boolean roundOver = false;
        boolean requestsOver = false;
        try {
            roundOver = scheduler.awaitIdle(left(deadline));
            requestsOver = io.awaitTermination(left(deadline).toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // sends in flight finish and are recorded (the rest wait in the outbox), then the chats disconnect;
        // all within what is left of the deadline, so a hung platform cannot hold the process
        boolean chatsOver = runWithin(left(deadline), () -> {
            notifier.stop();
            telegram.stop();
            discord.stop();
        });
        synchronized (this) {
            if (endpoint != null) {
                endpoint.close();
            }
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        if (!roundOver || !requestsOver || !chatsOver) {
            LOG.warn("Still running after {}: {}; the database is left to close with the process",
                    Durations.format(timeout), !roundOver ? "a poll round" : !requestsOver ? "RIPEstat requests"
                            : "message delivery or a chat connection");
            return false;
        }
        db.close();
        metrics.close();
        return true;
    }

    /** Runs {@code work} on its own thread and waits at most {@code within}; true if it finished. */
    private static boolean runWithin(Duration within, Runnable work) {
        Thread t = new Thread(work, "herald-stop");
        t.setDaemon(true);
        t.start();
        try {
            t.join(Math.max(1, within.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !t.isAlive();
    }

    private static Duration left(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
