package net.outageherald.app;

import io.micrometer.core.instrument.Gauge;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import net.outageherald.chat.console.ConsoleSender;
import net.outageherald.chat.discord.DiscordFrontEnd;
import net.outageherald.chat.telegram.TelegramFrontEnd;
import net.outageherald.command.CommandService;
import net.outageherald.config.Durations;
import net.outageherald.detect.Canary;
import net.outageherald.detect.Detector;
import net.outageherald.detect.HistoryPruner;
import net.outageherald.detect.LiveChecker;
import net.outageherald.detect.Pacer;
import net.outageherald.detect.PollJob;
import net.outageherald.detect.SignalWatch;
import net.outageherald.detect.SourceGuard;
import net.outageherald.detect.TargetResolver;
import net.outageherald.detect.WatchBudget;
import net.outageherald.detect.WatchList;
import net.outageherald.model.DataPlaneReports;
import net.outageherald.model.Destination;
import net.outageherald.model.Target;
import net.outageherald.model.TargetParser;
import net.outageherald.nflog.NotificationLog;
import net.outageherald.notify.ChartPreparer;
import net.outageherald.notify.EventCharts;
import net.outageherald.notify.Notifier;
import net.outageherald.notify.message.EventMessages;
import net.outageherald.ops.CountingEventSink;
import net.outageherald.ops.HealthCheck;
import net.outageherald.ops.Metrics;
import net.outageherald.ops.PollMetrics;
import net.outageherald.ops.SourceHealthGauges;
import net.outageherald.ops.StreamMetrics;
import net.outageherald.ops.TargetStatusGauges;
import net.outageherald.outbox.Charts;
import net.outageherald.outbox.Sender;
import net.outageherald.schedule.Job;
import net.outageherald.schedule.Scheduler;
import net.outageherald.source.RoutingSource;
import net.outageherald.source.ioda.IodaClient;
import net.outageherald.source.ioda.IodaCountryJudge;
import net.outageherald.source.ioda.IodaPoller;
import net.outageherald.source.ripestat.RipeStatClient;
import net.outageherald.store.Database;
import net.outageherald.store.DatabaseConfig;
import net.outageherald.store.NotificationLogRepository;
import net.outageherald.subscribe.SubscriptionService;
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
    /** IODA publishes no rate limit: never more than one call a second, whatever is watched. */
    static final Duration IODA_CALL_GAP = Duration.ofSeconds(1);
    /** Jobs shared through PostgreSQL: how often each instance checks in; one silent longer is recovered. */
    static final Duration CLUSTER_CHECKIN = Duration.ofSeconds(5);

    private final HeraldConfig config;
    private final Clock clock;
    private final Metrics metrics;
    private final Database db;
    private final OkHttpClient http;
    private final RipeStatClient ripestat;
    private final ExecutorService io;
    private final PollJob poll;
    private final StreamDetection streamDetection;
    private final LiveChecker checker;
    private final TargetResolver resolver;
    private final Scheduler scheduler;
    /** Jobs that run once across the instances: Quartz clustered on PostgreSQL, {@link #scheduler} on SQLite. */
    private final Scheduler shared;
    private final Leadership leadership;
    private final CommandService commands;
    private final TelegramFrontEnd telegram;
    private final DiscordFrontEnd discord;
    private final Notifier notifier;
    private final TargetParser parser = new TargetParser();
    private final SubscriptionService subscriptions;
    private final WatchList watch;
    private final WatchBudget budget;
    private final HistoryPruner pruner;
    /** Polls IODA for every watched country and AS; null when {@code ioda.enabled} is false. */
    private final IodaPoller ioda;
    /** IODA's round: the poll, then the countries watched through it. Set once the detector exists. */
    private volatile SignalWatch signalWatch;
    private final StopSequence stop;
    private final HealthCheck health;
    private final CompletableFuture<Boolean> closed = new CompletableFuture<>();
    private volatile boolean closing;
    private final OpsEndpoint endpoint;

    private App(HeraldConfig config, Clock clock, PrintStream console, Pacer pacer) {
        // pacing off (spread-polls: false, as tests run) spaces IODA's calls no more than RIPEstat's
        Duration iodaGap = pacer == Pacer.NONE ? Duration.ZERO : IODA_CALL_GAP;
        this.config = config;
        this.clock = clock;
        this.metrics = new Metrics();
        var registry = metrics.registry(); // stages that come later register their meters here too
        this.db = openDatabase(config.database());
        RoutingServices sources = new RoutingServices(config, db, clock, config.ioda().enabled());
        this.http = sources.http;
        this.ripestat = sources.ripestat;
        RoutingSource routing = sources.routing;
        this.io = sources.io;
        this.resolver = sources.resolver;
        this.checker = sources.checker;

        // what was told to whom, and who follows what: one of each, shared by fan-out, delivery and commands
        NotificationLog told = new NotificationLogRepository();
        this.subscriptions = new SubscriptionService(db, told,
                config.notifications().maxSubscriptionsPerDestination(), clock);
        this.watch = new WatchList(ConfigSubscriptions.targets(config), subscriptions::subscribedTargetKeys, db);
        this.budget = new WatchBudget(resolver, watch, db, config.detection());
        // a country watched through IODA's country signal: /status, /chart and event charts name IODA as the source
        Function<String, Optional<String>> bySignal = key -> signalWatch == null ? Optional.empty()
                : signalWatch.describe(key);
        this.commands = new CommandService(parser, subscriptions, checker, db, clock, STATUS_FRESH_FOR,
                CommandService.MAX_LIVE_PREFIXES, budget::refusal, this::sourceFooter, bySignal,
                config.charts().enabled());
        // IODA: a second opinion in messages, and the source for countries too large to watch prefix by prefix
        this.ioda = config.ioda().enabled() ? new IodaPoller(new IodaClient(config.ioda(), http, clock,
                config.ripestat().sourceapp()), watch::targets, clock, config.ioda().maxDataLag(),
                iodaGap) : null;
        this.telegram = new TelegramFrontEnd(config.telegram(), commands, clock);
        this.leadership = Leadership.of(db, config.database().leaderCheck());
        if (leadership.elected()) {
            telegram.poll(false); // the leader takes the updates (one getUpdates consumer per bot)
        }
        this.discord = new DiscordFrontEnd(config.discord(), commands, subscriptions, clock);
        // each event's chart: drawn while its change is being confirmed, taken by its first message
        Optional<EventCharts> charts = EventCharts.ifEnabled(db, config.charts(), clock, bySignal);
        this.notifier = new Notifier(config.notifications(), db, new EventMessages(
                ioda == null ? DataPlaneReports.NONE : ioda), senders(console), told,
                subscriptions, registry, clock, charts.<Charts>map(c -> c).orElse(Charts.NONE),
                charts.<ChartPreparer>map(c -> c::prepare).orElse(ChartPreparer.NONE));

        Detector detector = new Detector(config.detection(), db, new CountingEventSink(notifier.sink(), registry),
                clock);
        this.signalWatch = ioda == null ? null : new SignalWatch(watch, resolver, ioda,
                new IodaCountryJudge(clock, config.ioda().maxDataLag()), detector);
        this.pruner = new HistoryPruner(db, config.detection().historyKeep(), clock);
        Canary canary = sources.canary;
        this.poll = new PollJob(watch, resolver, routing, detector, config.detection(),
                config.ripestat().requestsPerMinute(), pacer, io, new PollMetrics(registry, "ripestat", clock),
                new SourceGuard(canary, detector, config.detection(), clock,
                        "their status is unknown until it answers normally"));
        // the stream is the main source; without it, looking-glass rounds every poll-interval do the job
        this.streamDetection = config.rislive().enabled()
                ? new StreamDetection(config, watch, resolver, routing, detector, http, io, clock, canary) : null;
        this.scheduler = new Scheduler(clock);
        this.shared = db.isPostgres() ? Scheduler.clustered(clock, db.dataSource(), CLUSTER_CHECKIN) : scheduler;
        leadership.add(new LeaderWork(telegram, streamDetection, scheduler));
        Gauge.builder("herald_leader", leadership, l -> l.leader() ? 1 : 0)
                .description("1 on the instance that follows the routing data and takes Telegram's updates, else 0")
                .register(registry);
        new SourceHealthGauges(registry, "ripestat", ripestat::endpoints);
        new TargetStatusGauges(db, registry);
        Duration maxRoundAge = config.http().maxPollAge(config.detection().pollInterval());
        // with the stream the watched job is the minutely refresh of the watch list, which may take minutes
        // when many targets are resolved again: its own allowance, whatever the poll interval
        this.health = new HealthCheck(scheduler, streamDetection != null ? streamDetection.watched.name() : poll.name(),
                streamDetection != null && maxRoundAge.compareTo(Duration.ofMinutes(15)) < 0 ? Duration.ofMinutes(15)
                        : maxRoundAge, clock, ripestat::endpoints,
                () -> Optional.ofNullable(streamDetection).map(s -> leadership.leader() ? s.report(clock.instant())
                        : new HealthCheck.SourceReport(leadership.reachable(), "standby", leadership.reachable()
                        ? "another instance follows RIS Live; this one stands by to take over"
                        : "cannot ask PostgreSQL which instance leads")));
        health.leader(leadership::leader);
        if (streamDetection != null) {
            new StreamMetrics(registry, streamDetection.stream);
        }
        this.endpoint = new OpsEndpoint(config.http(), health, metrics);
        this.stop = new StopSequence(scheduler, shared, leadership, streamDetection, io, http, notifier, telegram, discord,
                endpoint::server, db, metrics);
    }

    static Database openDatabase(DatabaseConfig c) {
        return Database.open(c.url(), c.username(), c.password() == null ? null : c.password().reveal(), c.poolSize());
    }

    /** The console when enabled, and each chat platform that has a token. */
    private List<Sender> senders(PrintStream console) {
        List<Sender> senders = new ArrayList<>();
        if (config.notifications().consoleEnabled()) {
            senders.add(new ConsoleSender(console, config.charts().enabled() ? config.charts().directory() : null,
                    config.detection().historyKeep(), clock));
        }
        telegram.sender().ifPresent(senders::add);
        if (config.discord().token() != null) {
            senders.add(discord.sender()); // without a token it would only pile messages up in the outbox
        }
        return senders;
    }

    /** Everything wired; nothing started. */
    public static App build(HeraldConfig config, Clock clock, PrintStream console) {
        return new App(config, clock, console, config.detection().spreadPolls() ? Pacer.sleeping() : Pacer.NONE);
    }

    /** Opens the operations endpoint if enabled, syncs the config's subscriptions, starts delivery, the chat
     * front-ends and polling. */
    public void start() {
        startEndpoint();
        startChats();
        notifier.start();
        shared.every(pruner, HistoryPruner.EVERY, Duration.ofMinutes(1));
        if (signalWatch != null) { // the leader's: it judges countries, and its series back the leader's messages
            scheduler.every(new LeaderOnly(signalWatch, leadership::leader, leadership::reachable),
                    config.ioda().pollInterval(), Duration.ofSeconds(5));
        }
        if (streamDetection != null) {
            streamDetection.schedule(scheduler, leadership::leader, leadership::reachable);
            startSchedules();
            LOG.info("Outage Herald is watching {} target(s) through RIS Live, the looking glass reconciling every {}",
                    watch.targets().size(), Durations.format(config.ripestat().reconcileInterval()));
        } else {
            scheduler.every(pollRound(), config.detection().pollInterval(), Duration.ofSeconds(1));
            startSchedules();
            LOG.info("Outage Herald is watching {} target(s), polling every {}", watch.targets().size(),
                    Durations.format(config.detection().pollInterval()));
        }
    }

    /** Starts the schedules, then the election (on SQLite this instance leads at once). */
    private void startSchedules() {
        scheduler.start();
        if (shared != scheduler) {
            shared.start();
        }
        leadership.start();
        if (leadership.elected()) {
            LOG.info("Cluster: PostgreSQL elects the instance that follows the routing data (checking every {});"
                    + " scheduled jobs run once across the instances", Durations.format(config.database().leaderCheck()));
        }
    }

    /** Whether this instance leads: on SQLite always, on PostgreSQL the holder of the advisory lock. */
    public boolean leader() {
        return leadership.leader();
    }

    Leadership leadership() {
        return leadership;
    }

    /** The scheduler whose jobs run once across the instances (the local one on SQLite). */
    Scheduler sharedScheduler() {
        return shared;
    }

    /**
     * Syncs the config's subscriptions and connects the chat front-ends (each logs and carries on when it
     * has no token or a bad one). Tests call this, then run polls and deliveries by hand.
     */
    public void startChats() {
        subscriptions.syncStatic(staticSubscriptions());
        telegram.start();
        discord.start();
    }

    /** The subscriptions the config asks for, per destination. */
    Map<Destination, List<Target>> staticSubscriptions() {
        return ConfigSubscriptions.of(config);
    }

    public TargetResolver resolver() {
        return resolver;
    }

    /** The footer of /status: where the data comes from, and how the stream is doing right now. */
    private String sourceFooter() {
        return streamDetection == null ? "Data: RIPE NCC RIS via RIPEstat's looking glass"
                : streamDetection.footer(clock.instant());
    }

    /** Whether one more target fits what is watched. */
    public WatchBudget watchBudget() {
        return budget;
    }

    /** What is watched now; see {@link WatchList}. */
    public WatchList watchList() {
        return watch;
    }

    /**
     * Opens {@code /healthz} and {@code /metrics} if {@code http.enabled}, once; gives the port bound, or
     * -1 when disabled. Throws {@link UncheckedIOException} when the address cannot be bound.
     */
    public int startEndpoint() {
        return endpoint.start();
    }

    public HealthCheck health() {
        return health;
    }

    /** The process's meter registry and its Prometheus view. */
    public Metrics metrics() {
        return metrics;
    }

    /** The stream-driven detection, or null when {@code rislive.enabled} is false. */
    StreamDetection streamDetection() {
        return streamDetection;
    }

    /** IODA's round (poll, then the countries watched through it), or null when {@code ioda.enabled} is false. */
    public SignalWatch signalWatch() {
        return signalWatch;
    }

    /** The IODA poller, or null when {@code ioda.enabled} is false. */
    public IodaPoller iodaPoller() {
        return ioda;
    }

    public PollJob pollJob() {
        return poll;
    }

    /** The scheduled poll round: {@link #pollJob()}, done only while this instance leads. */
    Job pollRound() {
        return new LeaderOnly(poll, leadership::leader, leadership::reachable);
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

    public SubscriptionService subscriptions() {
        return subscriptions;
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
     * Stops everything in order (see {@link StopSequence}); false when something was still running at the
     * deadline. A second call (the shutdown hook's, after the main thread's) waits for the first and gives its result.
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
        return stop.run(timeout);
    }
}
