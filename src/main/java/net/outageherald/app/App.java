package net.outageherald.app;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import net.outageherald.command.CommandService;
import net.outageherald.config.Durations;
import net.outageherald.config.HeraldConfig;
import net.outageherald.model.TargetParser;
import net.outageherald.notify.Destination;
import net.outageherald.notify.EventMessages;
import net.outageherald.notify.Notifier;
import net.outageherald.notify.Sender;
import net.outageherald.notify.SubscriptionService;
import net.outageherald.notify.console.ConsoleSender;
import net.outageherald.notify.discord.DiscordConfigBinder;
import net.outageherald.notify.discord.DiscordFrontEnd;
import net.outageherald.notify.telegram.TelegramFrontEnd;
import net.outageherald.config.RipeStatConfig;
import net.outageherald.detect.Detector;
import net.outageherald.detect.LiveChecker;
import net.outageherald.detect.Pacer;
import net.outageherald.detect.PollJob;
import net.outageherald.detect.TargetResolver;
import net.outageherald.model.Target;
import net.outageherald.schedule.Scheduler;
import net.outageherald.source.ResolutionSource;
import net.outageherald.source.RoutingSource;
import net.outageherald.source.ripestat.RipeStatClient;
import net.outageherald.source.ripestat.RipeStatResolutionSource;
import net.outageherald.source.ripestat.RipeStatRoutingSource;
import net.outageherald.source.ripestat.RipeStatSettings;
import net.outageherald.store.Database;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every part from the config, in order, by hand. Tests build it with a
 * fake RIPEstat URL, a temporary database and a mutable clock, and call the jobs directly.
 */
public final class App implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(App.class);
    /** /status reuses the poller's state when it is younger than this, else checks live. */
    static final Duration STATUS_FRESH_FOR = Duration.ofMinutes(1);

    private final HeraldConfig config;
    private final Database db;
    private final OkHttpClient http;
    private final RipeStatClient ripestat;
    private final ExecutorService io;
    private final PollJob poll;
    private final LiveChecker checker;
    private final TargetResolver resolver;
    private final Scheduler scheduler;
    private final MeterRegistry registry;
    private final CommandService commands;
    private final TelegramFrontEnd telegram;
    private final DiscordFrontEnd discord;
    private final Notifier notifier;
    private final TargetParser parser = new TargetParser();

    private App(HeraldConfig config, Clock clock, PrintStream console, Pacer pacer, Map<String, String> env) {
        this.config = config;
        var dbc = config.database();
        this.db = Database.open(dbc.url(), dbc.username(), dbc.password() == null ? null : dbc.password().reveal(),
                dbc.poolSize());
        this.registry = new SimpleMeterRegistry();
        this.http = new OkHttpClient();
        this.ripestat = new RipeStatClient(settings(config.ripestat()), http, clock);
        RoutingSource routing = new RipeStatRoutingSource(ripestat);
        ResolutionSource resolution = new RipeStatResolutionSource(ripestat, clock,
                config.detection().keepPrefixesFor());
        this.io = Executors.newFixedThreadPool(config.ripestat().maxInFlight(), daemon("herald-io"));
        this.resolver = new TargetResolver(resolution, routing, db, config.detection(), clock);
        this.checker = new LiveChecker(resolver, routing, db, config.detection(), clock, io,
                config.ripestat().readTimeout().multipliedBy(2));

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

        Detector detector = new Detector(config.detection(), db, notifier.sink(), clock);
        this.poll = new PollJob(this::watched, resolver, routing, detector, config.detection(),
                config.ripestat().requestsPerMinute(), pacer, io);
        this.scheduler = new Scheduler();
    }

    /** Everything wired; nothing started. */
    public static App build(HeraldConfig config, Clock clock, PrintStream console) {
        return new App(config, clock, console, config.detection().spreadPolls() ? Pacer.sleeping() : Pacer.NONE,
                Map.of());
    }

    /** Syncs the config's subscriptions, starts delivery, the chat front-ends and polling. */
    public void start() {
        notifier.subscriptions().syncStatic(staticSubscriptions());
        notifier.start();
        telegram.start();
        discord.start();
        scheduler.every(poll, config.detection().pollInterval(), Duration.ofSeconds(1));
        scheduler.start();
        LOG.info("Outage Herald is watching {} targets, polling every {}", watched().size(),
                Durations.format(config.detection().pollInterval()));
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
        for (String key : notifier.subscriptions().subscribedTargetKeys()) {
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

    public MeterRegistry registry() {
        return registry;
    }

    /** Stops polling (a round in progress is cut short: its requests are interrupted), then closes all. */
    @Override
    public void close() {
        scheduler.stopFiring();
        io.shutdownNow();
        try {
            io.awaitTermination(5, TimeUnit.SECONDS);
            scheduler.awaitIdle(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        notifier.stop(); // sends in flight finish and are recorded; the rest wait in the outbox
        telegram.stop();
        discord.stop();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        db.close();
    }

    static RipeStatSettings settings(RipeStatConfig c) {
        return new RipeStatSettings(c.url(), c.sourceapp(), c.maxInFlight(), c.connectTimeout(), c.readTimeout(),
                c.maxAttempts(), c.retryBackoff(), c.retryBackoffMax(), c.lookBackLimit(), c.maxDataLag(),
                c.requestsPerMinute(), c.failureBackoff(), c.failureBackoffMax());
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
