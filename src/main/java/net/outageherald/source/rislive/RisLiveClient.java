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

    private static final Logger LOG = LoggerFactory.getLogger(RisLiveClient.class);
    /**
     * A connection that ends while its newest message was this far behind real time leaves a backlog behind:
     * RIS Live held that much for us, and a new connection does not bring it back. Normal delivery is
     * within a few seconds.
     */
    public static final Duration LOSSY_LAG = Duration.ofSeconds(10);
    /** How long a read waits for more to arrive after one that drained the socket (see BatchingSocketFactory). */
    static final Duration READ_PAUSE = Duration.ofMillis(1);

    private final RisLiveConfig config;
    private final OkHttpClient http;
    private final Request request;
    private final Clock clock;
    private final RisLiveListener listener;
    private final Duration checkEvery;
    private final ScheduledThreadPoolExecutor scheduler;
    private final Backoff backoff;
    private final LivenessWatch liveness = new LivenessWatch();
    private final FrameHandler frames;
    private final SubscriptionSender sender;
    private final AtomicLong reconnects = new AtomicLong();

    // guarded by this, apart from the volatile fields that other threads read without it
    private volatile int generation;
    private volatile RisLiveStatus status;
    private WebSocket socket;
    private boolean open;
    private boolean started;
    private boolean closed;
    private ScheduledFuture<?> reconnect;
    private ScheduledFuture<?> checks;

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
        // and its reads come in batches: one system call for what arrived within READ_PAUSE, not one per message
        this.http = http.newBuilder().pingInterval(config.pingInterval()).callTimeout(Duration.ZERO)
                .socketFactory(new BatchingSocketFactory(READ_PAUSE)).build();
        this.request = new Request.Builder().url(config.requestUrl()).build();
        this.backoff = new Backoff(config.reconnectBackoff(), config.reconnectBackoffMax());
        this.status = new RisLiveStatus(StreamState.DOWN, clock.instant(), "not started", null, null, null);
        this.scheduler = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "rislive-scheduler");
            t.setDaemon(true);
            return t;
        });
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        scheduler.setRemoveOnCancelPolicy(true);
        this.frames = new FrameHandler(listener, liveness, backoff, clock,
                SubscriptionPlan.of(Set.of(), config.maxPrefixSubscriptions()));
        this.sender = new SubscriptionSender(scheduler, config.subscribePace(), this::subscribed);
    }

    /** Connects, unless disabled in the config or already started. */
    public synchronized void start() {
        if (started || closed) {
            return;
        }
        started = true;
        if (!config.enabled()) {
            LOG.info("RIS Live is disabled in the config (rislive.enabled: false)");
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
        SubscriptionPlan before = frames.plan();
        SubscriptionPlan next = SubscriptionPlan.of(Set.copyOf(prefixes), config.maxPrefixSubscriptions());
        frames.plan(next);
        if (next.unfiltered() && !before.unfiltered()) {
            LOG.info("RIS Live: {} prefixes to watch is more than max-prefix-subscriptions ({}): one subscription to"
                    + " all UPDATEs, filtered here", next.watched(), config.maxPrefixSubscriptions());
        } else if (!next.unfiltered() && before.unfiltered()) {
            LOG.info("RIS Live: {} prefixes to watch: back to one subscription per prefix", next.watched());
        }
        sender.update(next.subscriptions());
    }

    /**
     * Runs the watchdogs once: LAGGING while the newest message arrived more than {@code max-lag} behind,
     * LIVE again once it does not, and a reconnect after {@code beacon-silence} without beacon messages.
     */
    /** Every subscription of this connection is sent: only now is the stream whole, so only now is it live. */
    private synchronized void subscribed() {
        if (!closed && open && status.state() == StreamState.CONNECTING) {
            setState(StreamState.LIVE, "connected and subscribed");
        }
    }

    public synchronized void checkLiveness() {
        StreamState state = status.state();
        if (closed || !open || (state != StreamState.LIVE && state != StreamState.LAGGING)) {
            return;
        }
        LivenessWatch.Verdict verdict = liveness.check(clock.instant(), state == StreamState.LAGGING, config.maxLag(),
                config.beaconSilence());
        switch (verdict.kind()) {
            case RECONNECT -> lost(generation, verdict.why(), false);
            case LAGGING -> {
                LOG.warn("RIS Live is LAGGING: {}", verdict.why());
                setState(StreamState.LAGGING, verdict.why());
            }
            case LIVE -> {
                LOG.info("RIS Live is LIVE again: {}", verdict.why());
                setState(StreamState.LIVE, verdict.why());
            }
            default -> { }
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
        return frames.messages.get();
    }

    /** Route updates read, before local filtering. */
    public long updates() {
        return frames.updates.get();
    }

    /** Frames that could not be read. */
    public long parseFailures() {
        return frames.unparseable.get();
    }

    /** Connection attempts after the first one. */
    public long reconnects() {
        return reconnects.get();
    }

    /** Whether one subscription to all UPDATEs stands in for per-prefix ones, because too many are watched. */
    public boolean unfiltered() {
        return frames.plan().unfiltered();
    }

    /** Subscribe and unsubscribe frames queued and not yet sent on the current connection. */
    public int pendingSubscriptions() {
        return sender.pending();
    }

    /**
     * Drops the connection and stops reconnecting until {@link #start()} is called again (another instance
     * leads: one consumer of RIS Live per cluster). The listener hears the stream go down, so the routing
     * picture kept here counts as stale until the next connection and looks.
     */
    public synchronized void stop() {
        if (!started || closed) {
            return;
        }
        started = false;
        generation++;
        cancel(reconnect);
        cancel(checks);
        dropSocket();
        setState(StreamState.DOWN, "stopped: another instance follows the stream");
        LOG.info("RIS Live: disconnected, another instance follows the stream now");
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
            cancel(reconnect);
            cancel(checks);
            dropSocket();
            status = new RisLiveStatus(StreamState.DOWN, clock.instant(), "closed", null, null, null);
        }
        scheduler.shutdown();
        LOG.info("RIS Live client closed");
        frames.deliver(() -> listener.onStreamState(StreamState.DOWN, "closed"));
    }

    private synchronized void connect() {
        if (closed) {
            return;
        }
        int gen = ++generation;
        setState(StreamState.CONNECTING, "connecting to " + config.url());
        LOG.info("RIS Live: connecting to {}", config.url());
        socket = http.newWebSocket(request, new Listener(gen));
    }

    private synchronized void opened(int gen, WebSocket webSocket) {
        if (gen != generation || closed) {
            return;
        }
        open = true;
        frames.newConnection();
        liveness.connected(clock.instant());
        SubscriptionPlan plan = frames.plan();
        LOG.info("RIS Live: connected; sending {} subscriptions{}", plan.subscriptions().size(),
                plan.unfiltered() ? " (all UPDATEs, filtered here)" : "");
        setState(StreamState.CONNECTING, "connected; subscribing");
        sender.connected(webSocket, plan.subscriptions());
    }

    /** The socket is gone or no longer trusted: drop it and reconnect after the backoff. */
    private synchronized void lost(int gen, String why, boolean logged) {
        lost(gen, why, logged, false);
    }

    /**
     * As {@link #lost(int, String, boolean)}; {@code certainLoss} when RIS Live said it drops what it held for
     * us. Either that or a connection ending far behind the stream is told to the listener as data lost.
     */
    private synchronized void lost(int gen, String why, boolean logged, boolean certainLoss) {
        if (gen != generation || closed) {
            return;
        }
        Instant last = liveness.lastTimestamp();
        Duration lag = liveness.lastLag();
        if (last != null && (certainLoss || (lag != null && lag.compareTo(LOSSY_LAG) > 0))) {
            String what = certainLoss ? "closed us as a slow consumer"
                    : "dropped while " + Text.duration(lag) + " behind the stream";
            frames.deliver(() -> listener.onDataLost(last, what));
        }
        generation++; // whatever this socket still reports is stale from now on
        dropSocket();
        Duration wait = backoff.next();
        if (!logged) {
            LOG.warn("RIS Live: {}; reconnecting in {}", why, Text.duration(wait));
        }
        setState(StreamState.DOWN, why + "; reconnecting in " + Text.duration(wait));
        reconnect = scheduler.schedule(() -> {
            reconnects.incrementAndGet();
            connect();
        }, wait.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void received(int gen, String text) {
        RisEvent.ServerError error = frames.handle(text);
        if (error != null) {
            if (error.slowConsumer()) {
                LOG.warn("RIS Live closed us as a slow consumer; reconnecting ({})", error.message());
            } else {
                LOG.warn("RIS Live sent an error: {}; reconnecting", error.message());
            }
            lost(gen, "server error: " + error.message(), true, error.slowConsumer());
        }
    }

    private void dropSocket() {
        sender.disconnected();
        open = false;
        if (socket != null) {
            socket.cancel();
            socket = null;
        }
    }

    private void setState(StreamState state, String why) {
        StreamState before = status.state();
        status = new RisLiveStatus(state, clock.instant(), why, null, null, null);
        if (state != before) {
            try {
                scheduler.execute(() -> frames.deliver(() -> listener.onStreamState(state, why)));
            } catch (RejectedExecutionException e) {
                LOG.debug("RIS Live: closing, {} not delivered", state);
            }
        }
    }

    private void checkLivenessSafely() {
        try {
            checkLiveness();
        } catch (RuntimeException e) {
            LOG.error("RIS Live liveness check failed", e);
        }
    }

    private static void cancel(ScheduledFuture<?> f) {
        if (f != null) {
            f.cancel(false);
        }
    }

    /** One connection's callbacks; anything from a connection that is no longer current is ignored. */
    private final class Listener extends WebSocketListener {
        private final int gen;

        Listener(int gen) {
            this.gen = gen;
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            opened(gen, webSocket);
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
}
