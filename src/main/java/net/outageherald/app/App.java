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
import net.outageherald.config.HeraldConfig;
import net.outageherald.config.RipeStatConfig;
import net.outageherald.detect.Detector;
import net.outageherald.detect.EventSink;
import net.outageherald.detect.LiveChecker;
import net.outageherald.detect.Pacer;
import net.outageherald.detect.PollJob;
import net.outageherald.detect.TargetResolver;
import net.outageherald.detect.WatchList;
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

    private final HeraldConfig config;
    private final Database db;
    private final OkHttpClient http;
    private final RipeStatClient ripestat;
    private final ExecutorService io;
    private final PollJob poll;
    private final LiveChecker checker;
    private final TargetResolver resolver;
    private final Scheduler scheduler;

    private App(HeraldConfig config, Clock clock, PrintStream console, Pacer pacer) {
        this.config = config;
        var dbc = config.database();
        this.db = Database.open(dbc.url(), dbc.username(), dbc.password() == null ? null : dbc.password().reveal(),
                dbc.poolSize());
        this.http = new OkHttpClient();
        this.ripestat = new RipeStatClient(settings(config.ripestat()), http, clock);
        RoutingSource routing = new RipeStatRoutingSource(ripestat);
        ResolutionSource resolution = new RipeStatResolutionSource(ripestat, clock,
                config.detection().keepPrefixesFor());
        this.io = Executors.newFixedThreadPool(config.ripestat().maxInFlight(), daemon("herald-io"));
        this.resolver = new TargetResolver(resolution, routing, db, config.detection(), clock);
        EventSink sink = new ConsoleEventSink(console);
        Detector detector = new Detector(config.detection(), db, sink, clock);
        WatchList watch = this::watched;
        this.poll = new PollJob(watch, resolver, routing, detector, config.detection(),
                config.ripestat().requestsPerMinute(), pacer, io);
        this.checker = new LiveChecker(resolver, routing, db, config.detection(), clock, io,
                config.ripestat().readTimeout().multipliedBy(2));
        this.scheduler = new Scheduler();
    }

    /** Everything wired; nothing started. */
    public static App build(HeraldConfig config, Clock clock, PrintStream console) {
        return new App(config, clock, console, config.detection().spreadPolls() ? Pacer.sleeping() : Pacer.NONE);
    }

    /** Starts polling on the schedule. */
    public void start() {
        scheduler.every(poll, config.detection().pollInterval(), Duration.ofSeconds(1));
        scheduler.start();
        LOG.info("Outage Herald is watching {} targets, polling every {}", watched().size(),
                config.detection().pollInterval());
    }

    /** The config's targets, then those that chats subscribed to. */
    List<Target> watched() {
        Map<String, Target> all = new LinkedHashMap<>();
        config.watch().forEach(t -> all.putIfAbsent(t.key(), t));
        return List.copyOf(all.values());
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
