package net.outageherald.app;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import net.outageherald.chat.discord.DiscordFrontEnd;
import net.outageherald.chat.telegram.TelegramFrontEnd;
import net.outageherald.config.Durations;
import net.outageherald.notify.Notifier;
import net.outageherald.ops.Metrics;
import net.outageherald.ops.OpsServer;
import net.outageherald.schedule.Scheduler;
import net.outageherald.store.Database;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the service down in order within a deadline: no new polls, the round in progress cut short (its
 * requests interrupted), sends in flight finished, then chat connections, the endpoint and the database
 * closed. When something is still running at the deadline the database is left for the process's exit
 * to close (SQLite's journal and PostgreSQL's rollback keep it consistent).
 */
final class StopSequence {

    private static final Logger LOG = LoggerFactory.getLogger(StopSequence.class);

    private final Scheduler scheduler;
    private final Scheduler shared;
    private final Leadership leadership;
    private final StreamDetection streamDetection;
    private final ExecutorService io;
    private final OkHttpClient http;
    private final Notifier notifier;
    private final TelegramFrontEnd telegram;
    private final DiscordFrontEnd discord;
    private final Supplier<OpsServer> endpoint;
    private final Database db;
    private final Metrics metrics;

    /** @param streamDetection the stream and the loops it drives, or null when polling does the job */
    StopSequence(Scheduler scheduler, Scheduler shared, Leadership leadership, StreamDetection streamDetection,
                 ExecutorService io, OkHttpClient http, Notifier notifier,
                 TelegramFrontEnd telegram, DiscordFrontEnd discord, Supplier<OpsServer> endpoint, Database db,
                 Metrics metrics) {
        this.scheduler = scheduler;
        this.shared = shared;
        this.leadership = leadership;
        this.streamDetection = streamDetection;
        this.io = io;
        this.http = http;
        this.notifier = notifier;
        this.telegram = telegram;
        this.discord = discord;
        this.endpoint = endpoint;
        this.db = db;
        this.metrics = metrics;
    }

    /** Gives false when something was still running at the deadline. */
    boolean run(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        scheduler.stopFiring();
        if (shared != scheduler) {
            shared.stopFiring();
        }
        boolean judgingOver = true;
        if (streamDetection != null) {
            try {
                // no new looks, no more updates; the judging loop ends, waited for within the deadline only
                judgingOver = streamDetection.close(left(deadline));
            } catch (RuntimeException e) {
                LOG.warn("Closing the stream failed: {}", e.toString());
            }
        }
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
            roundOver = scheduler.awaitIdle(left(deadline)) && (shared == scheduler || shared.awaitIdle(left(deadline)));
            requestsOver = io.awaitTermination(left(deadline).toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // nothing here writes routing state any more: Telegram's polling ends, and another instance may lead at once
        runWithin(left(deadline), leadership::close);
        // sends in flight finish and are recorded (the rest wait in the outbox), then the chats disconnect;
        // all within what is left of the deadline, so a hung platform cannot hold the process
        boolean chatsOver = runWithin(left(deadline), () -> {
            notifier.stop();
            telegram.stop();
            discord.stop();
        });
        OpsServer server = endpoint.get();
        if (server != null) {
            server.close();
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        if (!judgingOver || !roundOver || !requestsOver || !chatsOver) {
            LOG.warn("Still running after {}: {}; the database is left to close with the process",
                    Durations.format(timeout), !judgingOver ? "a judging round" : !roundOver ? "a poll round"
                            : !requestsOver ? "RIPEstat requests" : "message delivery or a chat connection");
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
}
