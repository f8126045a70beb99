package net.outageherald.app;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import net.outageherald.detect.Canary;
import net.outageherald.detect.LiveChecker;
import net.outageherald.detect.TargetResolver;
import net.outageherald.source.ResolutionSource;
import net.outageherald.source.RoutingSource;
import net.outageherald.source.ripestat.RipeStatClient;
import net.outageherald.source.ripestat.RipeStatResolutionSource;
import net.outageherald.source.ripestat.RipeStatRoutingSource;
import net.outageherald.store.Database;
import okhttp3.OkHttpClient;

/**
 * What looks at routing, built once from the config: the one HTTP client, RIPEstat, the resolver of
 * targets into prefixes and the live checker. The service and the one-shot {@code check} both use it.
 */
final class RoutingServices {

    /** A live check answers within this; prefixes not observed by then count as missed (status unknown). */
    static final Duration LIVE_CHECK_TIMEOUT = Duration.ofSeconds(10);

    final OkHttpClient http = new OkHttpClient();
    final RipeStatClient ripestat;
    final RoutingSource routing;
    final ExecutorService io;
    final TargetResolver resolver;
    final LiveChecker checker;
    /** The prefix that must stay visible, so that a looking glass answering blank is not taken for dark networks. */
    final Canary canary;

    RoutingServices(HeraldConfig config, Database db, Clock clock) {
        this(config, db, clock, false);
    }

    /** @param countrySignal whether countries too large for the prefix-level watch are watched through IODA */
    RoutingServices(HeraldConfig config, Database db, Clock clock, boolean countrySignal) {
        this.ripestat = new RipeStatClient(config.ripestat(), http, clock);
        this.routing = new RipeStatRoutingSource(ripestat);
        ResolutionSource resolution = new RipeStatResolutionSource(ripestat, clock,
                config.detection().keepPrefixesFor());
        this.io = Executors.newFixedThreadPool(config.ripestat().maxInFlight(), daemon("herald-io"));
        this.resolver = new TargetResolver(resolution, routing, db, config.detection(), clock,
                countrySignal);
        this.canary = config.ripestat().canary() == null ? null
                : new Canary(config.ripestat().canary(), routing, config.detection(), clock);
        this.checker = new LiveChecker(resolver, routing, db, config.detection(), clock, io, LIVE_CHECK_TIMEOUT,
                canary);
    }

    /** Ends the request threads and the HTTP client's pools without waiting. */
    void closeNow() {
        io.shutdownNow();
        http.dispatcher().cancelAll();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
