package net.outageherald.app;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import net.outageherald.config.Durations;
import net.outageherald.store.Database;
import net.outageherald.store.LeaderLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which instance writes routing state (the stream, the looking glass's looks, judging, poll rounds) and
 * takes Telegram's updates: the holder of one PostgreSQL advisory lock. The others try to take it every
 * {@code database.leader-check}; the holder checks its session as often and steps down the moment it
 * cannot tell it still holds it. On SQLite there is one instance, leader from the start.
 */
final class Leadership implements AutoCloseable {

    /** What is done only while leading: started on gaining, stopped on losing. Called on one thread. */
    interface Role {
        void gained();

        void lost();
    }

    /** The lock's first number, "hera" in ASCII, beside a hash of the schema. */
    static final int LOCK_KEY = 0x68657261;
    private static final Logger LOG = LoggerFactory.getLogger(Leadership.class);

    private final LeaderLock lock;
    private final Duration every;
    private final List<Role> roles = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService loop;
    private volatile boolean leader;
    private volatile boolean unreachable;
    private boolean closed;

    private Leadership(LeaderLock lock, Duration every) {
        this.lock = lock;
        this.every = every;
        this.leader = lock == null; // the only instance leads from the start; its work starts with start()
        this.loop = lock == null ? null : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "herald-leadership");
            t.setDaemon(true);
            return t;
        });
    }

    /** Elected through the database when it is PostgreSQL; the only instance, and leader, on SQLite. */
    static Leadership of(Database db, Duration every) {
        return db.isPostgres() ? new Leadership(new LeaderLock(db, LOCK_KEY, Duration.ofSeconds(2)), every)
                : new Leadership(null, every);
    }

    void add(Role role) {
        roles.add(role);
    }

    /** Leads at once on SQLite; on PostgreSQL tries now and every {@code every}. */
    synchronized void start() {
        if (lock == null) {
            gain();
            return;
        }
        loop.scheduleWithFixedDelay(this::tick, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean leader() {
        return leader;
    }

    /** False while the last try to take the lock found no database to ask: then nobody may be leading. */
    boolean reachable() {
        return !unreachable;
    }

    /** Whether the lock is shared through PostgreSQL (else this instance is the only one). */
    boolean elected() {
        return lock != null;
    }

    private synchronized void tick() {
        if (closed) {
            return;
        }
        if (leader) {
            if (!lock.stillHeld()) {
                LOG.warn("Cluster: lost the leadership (the database session that held it is gone); stopping the "
                        + "stream, the looking glass and Telegram polling here, another instance takes over");
                lose();
            }
            return;
        }
        try {
            boolean got = lock.tryAcquire();
            if (unreachable) {
                LOG.info("Cluster: the database answers again");
                unreachable = false;
            }
            if (got) {
                LOG.info("Cluster: this instance is the leader now: it follows the routing data and takes Telegram's "
                        + "updates (the others stand by, checking every {})", Durations.format(every));
                gain();
            }
        } catch (SQLException | RuntimeException e) {
            if (!unreachable) {
                LOG.warn("Cluster: cannot ask the database for the leadership ({}); trying every {}", e.getMessage(),
                        Durations.format(every));
                unreachable = true;
            }
        }
    }

    private void gain() {
        leader = true;
        for (Role r : roles) {
            try {
                r.gained();
            } catch (RuntimeException e) {
                LOG.error("Cluster: starting leader work failed: {}", e.toString(), e);
            }
        }
    }

    private void lose() {
        leader = false;
        for (Role r : roles) {
            try {
                r.lost();
            } catch (RuntimeException e) {
                LOG.error("Cluster: stopping leader work failed: {}", e.toString(), e);
            }
        }
    }

    /**
     * Dies as a killed process would (tests): the leader's work stops where it is and the session ends
     * abruptly, with no unlock; PostgreSQL sees the socket close and frees the lock.
     */
    synchronized void abort() {
        if (lock != null) {
            loop.shutdownNow();
            if (leader) {
                lose();
            }
            lock.abort(Runnable::run);
        }
    }

    /**
     * Stops the leader's work (when leading, with others to hand it to) and gives the lock up, so that
     * another takes over at once. The only instance (SQLite) leaves its work to the stop sequence.
     */
    @Override
    public void close() {
        if (loop != null) {
            loop.shutdownNow();
            try {
                loop.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (leader && lock != null) {
                lose(); // before the unlock: the next leader must not meet our getUpdates (409 Conflict)
            }
            if (lock != null) {
                lock.close();
            }
        }
    }
}
