package net.outageherald.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Executor;

/**
 * A PostgreSQL session-level advisory lock ({@code pg_try_advisory_lock}) held on a connection of its own
 * for as long as that connection lives: whoever holds it is the one instance that writes routing state.
 * PostgreSQL releases it the moment the session ends, so a killed holder frees it at once (its socket is
 * closed by the kernel) and a partitioned one within the session's TCP keepalive, which this sets short
 * ({@link #KEEPALIVE_IDLE_S} s idle, then {@link #KEEPALIVE_COUNT} probes {@link #KEEPALIVE_INTERVAL_S} s
 * apart). Not thread-safe: one election thread uses it.
 */
public final class LeaderLock implements AutoCloseable {

    /** The server gives up on a silent client after idle + count × interval: 5 + 3 × 2 = 11 s. */
    public static final int KEEPALIVE_IDLE_S = 5;
    public static final int KEEPALIVE_INTERVAL_S = 2;
    public static final int KEEPALIVE_COUNT = 3;

    private final Database db;
    private final int key;
    private final Duration timeout;
    private Connection session;
    private boolean held;

    /**
     * @param key     the lock's number; instances sharing a database, a key and a schema elect one holder
     *                (the schema is the lock's second number, so two deployments in one database do not meet)
     * @param timeout how long a connect, a try or a check may take before it counts as failed
     */
    public LeaderLock(Database db, int key, Duration timeout) {
        this.db = db;
        this.key = key;
        this.timeout = timeout;
    }

    /** Takes the lock if free; true while this session holds it. Opens the session when there is none. */
    public boolean tryAcquire() throws SQLException {
        if (held) {
            return stillHeld();
        }
        try {
            if (session == null || session.isClosed()) {
                session = open();
            }
            try (PreparedStatement st = session.prepareStatement("SELECT pg_try_advisory_lock(?, hashtext(current_schema()))")) {
                st.setQueryTimeout(seconds());
                st.setInt(1, key);
                try (ResultSet rs = st.executeQuery()) {
                    held = rs.next() && rs.getBoolean(1);
                }
            }
            return held;
        } catch (SQLException e) {
            drop();
            throw e;
        }
    }

    /**
     * Whether the session is alive and still holds the lock, asked within the timeout; on any doubt the
     * answer is no and the session is dropped (PostgreSQL then releases the lock, if it has not already).
     */
    public boolean stillHeld() {
        if (!held || session == null) {
            return false;
        }
        // this session holds no other advisory lock: any granted one is ours
        try (PreparedStatement st = session.prepareStatement("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                + " AND pid = pg_backend_pid() AND granted")) {
            st.setQueryTimeout(seconds());
            try (ResultSet rs = st.executeQuery()) {
                if (rs.next() && rs.getInt(1) > 0) {
                    return true;
                }
            }
        } catch (SQLException e) {
            // a lost connection, a timeout: we cannot know, so we are not the holder
        }
        drop();
        return false;
    }

    /** Gives the lock up: unlocks and closes the session. */
    @Override
    public void close() {
        if (session != null && held) {
            try (PreparedStatement st = session.prepareStatement("SELECT pg_advisory_unlock(?, hashtext(current_schema()))")) {
                st.setQueryTimeout(seconds());
                st.setInt(1, key);
                st.execute();
            } catch (SQLException e) {
                // closing the session releases it as well
            }
        }
        drop();
    }

    /** Ends the session abruptly, as a crash would (tests): the socket closes, no unlock is sent. */
    public void abort(Executor executor) {
        Connection c = session;
        held = false;
        session = null;
        if (c != null) {
            try {
                c.abort(executor);
            } catch (SQLException e) {
                // already gone
            }
        }
    }

    private Connection open() throws SQLException {
        Properties p = new Properties();
        p.setProperty("ApplicationName", "outage-herald leader lock");
        p.setProperty("tcpKeepAlive", "true");
        p.setProperty("connectTimeout", String.valueOf(seconds()));
        // a partitioned holder steps down within leader-check + this, before the server gives up on it (11 s)
        p.setProperty("socketTimeout", String.valueOf(seconds() + 2));
        Connection c = db.dedicatedConnection(p);
        try (Statement st = c.createStatement()) {
            // the server's side of a partition: a silent client's session ends, and with it the lock
            st.execute("SET tcp_keepalives_idle = " + KEEPALIVE_IDLE_S);
            st.execute("SET tcp_keepalives_interval = " + KEEPALIVE_INTERVAL_S);
            st.execute("SET tcp_keepalives_count = " + KEEPALIVE_COUNT);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    private void drop() {
        held = false;
        Connection c = session;
        session = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // gone already
            }
        }
    }

    private int seconds() {
        return (int) Math.max(1, timeout.toSeconds());
    }
}
