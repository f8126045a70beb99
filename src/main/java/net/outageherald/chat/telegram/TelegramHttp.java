package net.outageherald.chat.telegram;

import java.time.Duration;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * The HTTP clients the bot uses, on one dispatcher and connection pool of its own, so {@link #close()}
 * can end in-flight calls (a 50-second long poll) without touching anyone else's connections.
 */
final class TelegramHttp implements AutoCloseable {

    /** Calls in flight to the Bot API at once, and idle connections kept for them. */
    static final int MAX_PER_HOST = 32;

    private final Dispatcher dispatcher = new Dispatcher();
    /**
     * As many idle connections as sends may be in flight: OkHttp's default keeps 5, so every fan-out wider
     * than that opened (and, to Telegram, TLS-handshook) new connections for the rest, each time.
     */
    private final ConnectionPool pool = new ConnectionPool(MAX_PER_HOST, 5, java.util.concurrent.TimeUnit.MINUTES);
    private final OkHttpClient calls;
    private final OkHttpClient polling;
    private final java.util.Set<okhttp3.Call> endedByUs = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.Map<okhttp3.Call, java.net.Socket> inFlight = new java.util.concurrent.ConcurrentHashMap<>();

    TelegramHttp(Duration pollTimeout, Duration requestTimeout) {
        // a big outage fans out to many chats; Telegram's own limits (~30/s) are the outbox's business
        dispatcher.setMaxRequestsPerHost(MAX_PER_HOST);
        OkHttpClient base = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(pool)
                .connectTimeout(requestTimeout)
                .writeTimeout(requestTimeout)
                .build();
        this.calls = base.newBuilder().readTimeout(requestTimeout).callTimeout(requestTimeout).build();
        // getUpdates holds the connection for up to the poll timeout before it answers. One we end on purpose
        // (its socket closed, see cancelPolls) answers "no updates" instead of failing, which telegrambots would
        // log as an error with a trace; a cancelled call would fail whatever an interceptor answers
        this.polling = base.newBuilder().readTimeout(pollTimeout.plusSeconds(15)).retryOnConnectionFailure(false)
                .addInterceptor(chain -> {
                    try {
                        return chain.proceed(chain.request());
                    } catch (java.io.IOException e) {
                        if (!endedByUs.remove(chain.call())) {
                            throw e;
                        }
                        return new okhttp3.Response.Builder().request(chain.request()).protocol(okhttp3.Protocol.HTTP_1_1)
                                .code(200).message("OK").body(okhttp3.ResponseBody.create("{\"ok\":true,\"result\":[]}",
                                        okhttp3.MediaType.get("application/json"))).build();
                    }
                })
                .addNetworkInterceptor(chain -> {
                    inFlight.put(chain.call(), chain.connection().socket());
                    try {
                        return chain.proceed(chain.request());
                    } finally {
                        inFlight.remove(chain.call());
                    }
                }).build();
    }

    /** For sends, edits and the other short calls. */
    OkHttpClient calls() {
        return calls;
    }

    /** For getUpdates. */
    OkHttpClient polling() {
        return polling;
    }

    /** Ends the getUpdates calls in flight (they answer "no updates"), leaving sends alone. */
    void cancelPolls() {
        inFlight.forEach((call, socket) -> {
            endedByUs.add(call);
            try {
                socket.close();
            } catch (java.io.IOException e) {
                call.cancel();
            }
        });
    }

    /** Cancels what is in flight and releases the threads and connections. */
    @Override
    public void close() {
        dispatcher.cancelAll();
        dispatcher.executorService().shutdown();
        pool.evictAll();
    }
}
