package net.outageherald.source.rislive;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import net.outageherald.model.Prefix;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RIS Live websocket: subscribes to the watched prefixes, delivers their updates and all peer session
 * changes to a {@link RisLiveListener}, and keeps the connection honest. A failure or close reconnects
 * after a capped exponential backoff and sends every subscription again; {@code ris_error} (for instance
 * the slow-consumer close) does the same; websocket pings catch a dead TCP connection; the lag watchdog
 * marks the stream LAGGING while messages arrive later than {@code max-lag}; and the beacon watchdog
 * reconnects a connection that has heard nothing of the RIS beacons for {@code beacon-silence}, as a
 * stalled backend would.
 *
 * <p>Threads: frames are parsed and delivered on OkHttp's websocket reader thread; subscriptions are
 * paced, reconnects scheduled and state changes delivered on one scheduler thread of this client;
 * {@link #watch} and {@link #checkLiveness} return at once on any thread.
 */
public final class RisLiveClient implements AutoCloseable {

    /** How often {@link #checkLiveness} runs by itself when the client schedules it. */
    public static final Duration LIVENESS_CHECK_EVERY = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(RisLiveClient.class);

    private final RisLiveConfig config;
    private final OkHttpClient http;
    private final Request request;
    private final Clock clock;
    private final RisLiveListener listener;
    private final Duration checkEvery;
    private final RisMessageParser parser = new RisMessageParser();
    private final PrefixTrie beacons = new PrefixTrie(SubscriptionPlan.BEACONS);
    private final ScheduledThreadPoolExecutor scheduler;
    private final Backoff backoff;
    private final LivenessWatch liveness = new LivenessWatch();
    private final SubscriptionQueue queue = new SubscriptionQueue();
    private final Counters counters = new Counters();

    // the connection; guarded by this, apart from the volatile fields the reader thread reads
    private volatile int generation;
    private volatile SubscriptionPlan plan;
    private volatile RisLiveStatus status;
    private volatile boolean dataSeen;
    private WebSocket socket;
    private boolean open;
    private boolean started;
    private boolean closed;
    private ScheduledFuture<?> pump;
    private ScheduledFuture<?> reconnect;
    private ScheduledFuture<?> checks;
    private long lastSentNanos;
    private boolean announceDrained;

    /** Production wiring: checks liveness every {@link #LIVENESS_CHECK_EVERY} by itself. */
    public RisLiveClient(RisLiveConfig config, OkHttpClient http, Clock clock, RisLiveListener listener) {
        this(config, http, clock, listener, LIVENESS_CHECK_EVERY);
    }

    /**
     * @param http       the application's shared client; a derived one adds the ping interval and keeps its pool
     * @param clock      for message lag, beacon silence and state times
     * @param checkEvery how often to run {@link #checkLiveness} by itself, or null to leave it to the caller
     */
    public RisLiveClient(RisLiveConfig config, OkHttpClient http, Clock clock, RisLiveListener listener,
                         Duration checkEvery) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.checkEvery = checkEvery;
        // a call timeout on the shared client must not end a websocket that is meant to stay open for days
        this.http = http.newBuilder().pingInterval(config.pingInterval()).callTimeout(Duration.ZERO).build();
        this.request = new Request.Builder().url(withClientId(config.url())).build();
        this.backoff = new Backoff(config.reconnectBackoff(), config.reconnectBackoffMax());
        this.plan = SubscriptionPlan.of(Set.of(), config.maxPrefixSubscriptions());
        this.status = new RisLiveStatus(StreamState.DOWN, clock.instant(), "not started", null, null, null);
        this.scheduler = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "rislive-scheduler");
            t.setDaemon(true);
            return t;
        });
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        scheduler.setRemoveOnCancelPolicy(true);
    }

    /** Connects, unless disabled in the config or already started. */
    public synchronized void start() {
        if (started || closed) {
            return;
        }
        started = true;
        if (!config.enabled()) {
            log.info("RIS Live is disabled in the config (rislive.enabled: false)");
            setState(StreamState.DOWN, "disabled in the config");
            return;
        }
        if (checkEvery != null) {
            long ms = Math.max(1, checkEvery.toMillis());
            checks = scheduler.scheduleWithFixedDelay(this::checkLivenessSafely, ms, ms, TimeUnit.MILLISECONDS);
        }
        connect();
    }

    /**
     * Replaces the watched prefixes. Subscriptions change on the open connection in the background, paced
     * by {@code subscribe-pace}; updates for prefixes no longer watched stop at once.
     */
    public synchronized void watch(Collection<Prefix> prefixes) {
        SubscriptionPlan before = plan;
        SubscriptionPlan next = SubscriptionPlan.of(Set.copyOf(prefixes), config.maxPrefixSubscriptions());
        plan = next;
        if (next.unfiltered() && !before.unfiltered()) {
            log.info("RIS Live: {} prefixes to watch is more than max-prefix-subscriptions ({}): one subscription to"
                    + " all UPDATEs, filtered here", next.watched(), config.maxPrefixSubscriptions());
        } else if (!next.unfiltered() && before.unfiltered()) {
            log.info("RIS Live: {} prefixes to watch: back to one subscription per prefix", next.watched());
        }
        if (open) {
            queue.update(next.subscriptions());
            log.debug("RIS Live: watch list now {} prefixes, {} subscription changes queued", next.watched(),
                    queue.pending());
            schedulePump();
        }
    }

    /**
     * Runs the watchdogs once: LAGGING while the newest message arrived more than {@code max-lag} behind,
     * LIVE again once it does not, and a reconnect after {@code beacon-silence} without beacon messages.
     */
    public void checkLiveness() {
        Instant now = clock.instant();
        synchronized (this) {
            StreamState state = status.state();
            if (closed || !open || (state != StreamState.LIVE && state != StreamState.LAGGING)) {
                return;
            }
            Duration silence = liveness.beaconSilence(now);
            if (silence.compareTo(config.beaconSilence()) > 0) {
                lost(generation, "no message about the RIS beacons for " + Text.duration(silence)
                        + " (beacon-silence " + Text.duration(config.beaconSilence()) + ")", false);
                return;
            }
            boolean lagging = liveness.lagging(config.maxLag());
            Duration lag = liveness.lastLag();
            if (lagging && state == StreamState.LIVE) {
                String why = "messages arrive " + Text.duration(lag) + " after the collectors saw them (max-lag "
                        + Text.duration(config.maxLag()) + ")";
                log.warn("RIS Live is LAGGING: {}", why);
                setState(StreamState.LAGGING, why);
            } else if (!lagging && state == StreamState.LAGGING) {
                String why = "caught up: messages arrive " + Text.duration(lag) + " after the collectors saw them";
                log.info("RIS Live is LIVE again: {}", why);
                setState(StreamState.LIVE, why);
            }
        }
    }

    /** The state, since when, and the last message; cheap, from any thread. */
    public RisLiveStatus status() {
        RisLiveStatus s = status;
        return new RisLiveStatus(s.state(), s.since(), s.reason(), liveness.lastArrival(), liveness.lastTimestamp(),
                liveness.lastLag());
    }

    /** Text frames received. */
    public long messages() {
        return counters.messages.get();
    }

    /** Route updates read, before local filtering. */
    public long updates() {
        return counters.updates.get();
    }

    /** Frames that could not be read. */
    public long parseFailures() {
        return counters.unparseable.get();
    }

    /** Connection attempts after the first one. */
    public long reconnects() {
        return counters.reconnects.get();
    }

    /** Whether one subscription to all UPDATEs stands in for per-prefix ones, because too many are watched. */
    public boolean unfiltered() {
        return plan.unfiltered();
    }

    /** Subscribe and unsubscribe frames queued and not yet sent on the current connection. */
    public synchronized int pendingSubscriptions() {
        return queue.pending();
    }

    /** Stops reconnecting and drops the connection at once. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            generation++;
            cancel(pump);
            cancel(reconnect);
            cancel(checks);
            if (socket != null) {
                socket.cancel();
                socket = null;
            }
            open = false;
            queue.clear();
            status = new RisLiveStatus(StreamState.DOWN, clock.instant(), "closed", null, null, null);
        }
        scheduler.shutdown();
        log.info("RIS Live client closed");
        notifyListener(StreamState.DOWN, "closed");
    }

    private synchronized void connect() {
        if (closed) {
            return;
        }
        int gen = ++generation;
        open = false;
        setState(StreamState.CONNECTING, "connecting to " + config.url());
        log.info("RIS Live: connecting to {}", config.url());
        socket = http.newWebSocket(request, new Listener(gen));
    }

    private synchronized void opened(int gen) {
        if (gen != generation || closed) {
            return;
        }
        open = true;
        dataSeen = false;
        liveness.connected(clock.instant());
        SubscriptionPlan current = plan;
        queue.reset(current.subscriptions());
        announceDrained = true;
        log.info("RIS Live: connected; sending {} subscriptions{}", current.subscriptions().size(),
                current.unfiltered() ? " (all UPDATEs, filtered here)" : "");
        setState(StreamState.LIVE, "connected");
        schedulePump();
    }

    /** The socket is gone or no longer trusted: drop it and reconnect after the backoff. */
    private synchronized void lost(int gen, String why, boolean logged) {
        if (gen != generation || closed) {
            return;
        }
        generation++; // whatever this socket still reports is stale from now on
        if (socket != null) {
            socket.cancel();
            socket = null;
        }
        open = false;
        queue.clear();
        cancel(pump);
        pump = null;
        Duration wait = backoff.next();
        if (!logged) {
            log.warn("RIS Live: {}; reconnecting in {}", why, Text.duration(wait));
        }
        setState(StreamState.DOWN, why + "; reconnecting in " + Text.duration(wait));
        reconnect = scheduler.schedule(() -> {
            counters.reconnects.incrementAndGet();
            connect();
        }, wait.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void received(int gen, String text) {
        counters.messages.incrementAndGet();
        RisEvent event = parser.parse(text);
        if (event instanceof RisMessage m) {
            alive(m);
            if (m instanceof RouteUpdate u) {
                counters.updates.incrementAndGet();
                if (touchesBeacon(u)) {
                    liveness.beacon(clock.instant());
                }
                RouteUpdate ours = plan.retain(u);
                if (ours != null) {
                    deliver(() -> listener.onUpdate(ours));
                }
            } else if (m instanceof PeerState s) {
                deliver(() -> listener.onPeerState(s));
            }
        } else if (event instanceof RisEvent.ServerError e) {
            if (e.slowConsumer()) {
                log.warn("RIS Live closed us as a slow consumer; reconnecting ({})", e.message());
            } else {
                log.warn("RIS Live sent an error: {}; reconnecting", e.message());
            }
            lost(gen, "server error: " + e.message(), true);
        } else if (event instanceof RisEvent.Unparseable u) {
            long n = counters.unparseable.incrementAndGet();
            if (Long.bitCount(n) == 1) { // 1st, 2nd, 4th, 8th…: visible, but never a flood
                log.warn("RIS Live: unreadable frame ({} so far): {}: {}", n, u.reason(), Text.excerpt(text));
            }
        } else {
            log.debug("RIS Live: {}", event);
        }
    }

    private void alive(RisMessage m) {
        liveness.message(m.timestamp(), clock.instant());
        if (!dataSeen) {
            dataSeen = true;
            backoff.reset(); // data flows: this connection works, so the next failure starts from the first wait
        }
    }

    private boolean touchesBeacon(RouteUpdate u) {
        for (Prefix p : u.announced()) {
            if (beacons.covers(p)) {
                return true;
            }
        }
        for (Prefix p : u.withdrawn()) {
            if (beacons.covers(p)) {
                return true;
            }
        }
        return false;
    }

    private void deliver(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            long n = counters.listenerFailures.incrementAndGet();
            if (Long.bitCount(n) == 1) {
                log.error("RIS Live listener failed ({} so far); the stream goes on", n, e);
            }
        }
    }

    private synchronized void schedulePump() {
        if (pump != null && !pump.isDone() || !open || queue.pending() == 0 || closed) {
            return;
        }
        long delay = Math.max(0, lastSentNanos + config.subscribePace().toNanos() - System.nanoTime());
        pump = scheduler.schedule(this::pumpOne, delay, TimeUnit.NANOSECONDS);
    }

    /** Sends one queued frame; the pace is kept in real time, whatever the injected clock says. */
    private synchronized void pumpOne() {
        pump = null;
        if (!open || socket == null) {
            return;
        }
        String frame = queue.poll();
        if (frame == null) {
            return;
        }
        lastSentNanos = System.nanoTime();
        if (!socket.send(frame)) {
            return; // the socket is closing: the reconnect sends everything again
        }
        if (queue.pending() > 0) {
            schedulePump();
        } else if (announceDrained) {
            announceDrained = false;
            log.info("RIS Live: all {} subscriptions sent", queue.active());
        }
    }

    private synchronized void setState(StreamState state, String why) {
        StreamState before = status.state();
        status = new RisLiveStatus(state, clock.instant(), why, null, null, null);
        if (state != before) {
            try {
                scheduler.execute(() -> notifyListener(state, why));
            } catch (RejectedExecutionException e) {
                log.debug("RIS Live: closing, {} not delivered", state);
            }
        }
    }

    private void notifyListener(StreamState state, String why) {
        deliver(() -> listener.onStreamState(state, why));
    }

    private void checkLivenessSafely() {
        try {
            checkLiveness();
        } catch (RuntimeException e) {
            log.error("RIS Live liveness check failed", e);
        }
    }

    private static void cancel(ScheduledFuture<?> f) {
        if (f != null) {
            f.cancel(false);
        }
    }

    /** The URL with {@code client=outage-herald} added when it names no client, as RIS Live asks. */
    static HttpUrl withClientId(String wsUrl) {
        // OkHttp's HttpUrl knows only http(s); a websocket request takes either form
        String httpForm = wsUrl.regionMatches(true, 0, "wss:", 0, 4) ? "https:" + wsUrl.substring(4)
                : "http:" + wsUrl.substring(3);
        HttpUrl url = HttpUrl.get(httpForm);
        return url.queryParameter("client") != null ? url
                : url.newBuilder().addQueryParameter("client", "outage-herald").build();
    }

    /** One connection's callbacks; anything from a connection that is no longer current is ignored. */
    private final class Listener extends WebSocketListener {
        private final int gen;

        Listener(int gen) {
            this.gen = gen;
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            opened(gen);
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            if (gen == generation) {
                received(gen, text);
            }
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(1000, null);
            lost(gen, "the server closed the connection (" + code + (reason.isEmpty() ? "" : " " + reason) + ")", false);
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            lost(gen, "connection closed (" + code + ")", false);
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            String http = response == null ? "" : " (HTTP " + response.code() + ")";
            lost(gen, "connection failed: " + Text.describe(t) + http, false);
        }
    }

    /** The numbers for metrics; written on the reader and scheduler threads. */
    private static final class Counters {
        final AtomicLong messages = new AtomicLong();
        final AtomicLong updates = new AtomicLong();
        final AtomicLong unparseable = new AtomicLong();
        final AtomicLong reconnects = new AtomicLong();
        final AtomicLong listenerFailures = new AtomicLong();
    }
}
