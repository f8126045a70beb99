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

    private final Dispatcher dispatcher = new Dispatcher();
    private final ConnectionPool pool = new ConnectionPool();
    private final OkHttpClient calls;
    private final OkHttpClient polling;

    TelegramHttp(Duration pollTimeout, Duration requestTimeout) {
        // a big outage fans out to many chats; Telegram's own limits (~30/s) are the outbox's business
        dispatcher.setMaxRequestsPerHost(32);
        OkHttpClient base = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(pool)
                .connectTimeout(requestTimeout)
                .writeTimeout(requestTimeout)
                .build();
        this.calls = base.newBuilder().readTimeout(requestTimeout).callTimeout(requestTimeout).build();
        // getUpdates holds the connection for up to the poll timeout before it answers
        this.polling = base.newBuilder().readTimeout(pollTimeout.plusSeconds(15)).build();
    }

    /** For sends, edits and the other short calls. */
    OkHttpClient calls() {
        return calls;
    }

    /** For getUpdates. */
    OkHttpClient polling() {
        return polling;
    }

    /** Cancels what is in flight and releases the threads and connections. */
    @Override
    public void close() {
        dispatcher.cancelAll();
        dispatcher.executorService().shutdown();
        pool.evictAll();
    }
}
