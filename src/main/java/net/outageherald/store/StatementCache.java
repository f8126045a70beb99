package net.outageherald.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SQLite only: keeps the prepared statements of each pooled connection, so that a statement run again is not
 * compiled again. SQLite compiles every statement it is given ({@code sqlite3_prepare}), and neither its
 * driver nor the pool keeps them: a third of the judge's time in a judging round was that compiling
 * (async-profiler, RIS Live benchmark). PostgreSQL's driver keeps its own.
 *
 * <p>A transaction's connection is wrapped ({@link #wrap}); its {@code prepareStatement(sql)} hands out the
 * connection's statement for that text, prepared once on the physical connection, so the pool does not close
 * it when the connection goes back. Closing what was handed out resets it (its result set closed, its
 * parameters cleared) and keeps it for the next. A statement still in use (the same query run inside a loop
 * over its own results) gets a fresh one of the pool's, as does every other way of preparing. Each connection
 * keeps at most {@value #PER_CONNECTION} texts, the least recently used going first; a connection the pool
 * retired is forgotten with its statements.
 */
final class StatementCache {

    static final int PER_CONNECTION = 64;

    /** Per physical connection; few (the pool's size and those it retired lately). */
    private final Map<Connection, Map<String, Kept>> byConnection = new IdentityHashMap<>();

    /** A statement kept for its text, and whether it is handed out now. */
    private static final class Kept {
        final PreparedStatement statement;
        boolean inUse;
        boolean evicted;
        /** What it returned since it was handed out (results, generated keys): closed when it is given back. */
        final List<ResultSet> open = new ArrayList<>(1);

        Kept(PreparedStatement statement) {
            this.statement = statement;
        }
    }

    /**
     * The pooled connection, with prepared statements kept across transactions. {@link #release} it when the
     * transaction ends.
     */
    Connection wrap(Connection pooled) throws SQLException {
        Connection physical = pooled.unwrap(Connection.class);
        Lease lease = new Lease(pooled, physical, statementsOf(physical));
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                lease);
    }

    /**
     * Ends a transaction's use of what {@link #wrap} gave: statements it did not close are given back (the pool
     * closed them before), and the wrapper refuses further work, as a connection given back to the pool does.
     */
    void release(Connection wrapped) throws SQLException {
        ((Lease) Proxy.getInvocationHandler(wrapped)).release();
    }

    /** One transaction's connection: its kept statements, and those it was handed and has not closed yet. */
    private final class Lease implements InvocationHandler {
        private final Connection pooled;
        private final Connection physical;
        private final Map<String, Kept> kept;
        private final List<PreparedStatement> handedOut = new ArrayList<>();
        private boolean released;

        Lease(Connection pooled, Connection physical, Map<String, Kept> kept) {
            this.pooled = pooled;
            this.physical = physical;
            this.kept = kept;
        }

        @Override
        public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
            Object own = objectMethod(proxy, m, args, "transaction connection");
            if (own != null) {
                return own;
            }
            if (released) {
                throw new SQLException("the transaction has ended: its connection is closed");
            }
            if (m.getName().equals("prepareStatement") && args != null && args.length == 1) {
                PreparedStatement ps = prepare(physical, kept, (String) args[0]);
                if (ps != null) {
                    handedOut.add(ps);
                    return ps;
                }
            }
            return call(pooled, m, args);
        }

        void release() throws SQLException {
            released = true;
            for (PreparedStatement ps : handedOut) {
                ps.close(); // a no-op for those closed already; giving back never throws
            }
            handedOut.clear();
        }
    }

    /** How many statements are kept for the connection under {@code pooled} (for tests). */
    int kept(Connection pooled) throws SQLException {
        Connection physical = pooled.unwrap(Connection.class);
        synchronized (byConnection) {
            Map<String, Kept> kept = byConnection.get(physical);
            return kept == null ? 0 : kept.size();
        }
    }

    private Map<String, Kept> statementsOf(Connection physical) throws SQLException {
        synchronized (byConnection) {
            List<Connection> retired = new ArrayList<>();
            for (Connection c : byConnection.keySet()) {
                if (c != physical && c.isClosed()) {
                    retired.add(c); // closing a connection closed its statements
                }
            }
            retired.forEach(byConnection::remove);
            return byConnection.computeIfAbsent(physical, c -> new LinkedHashMap<>(32, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
                    if (size() <= PER_CONNECTION) {
                        return false;
                    }
                    Kept k = eldest.getValue();
                    k.evicted = true;
                    if (!k.inUse) {
                        closeQuietly(k.statement);
                    }
                    return true;
                }
            });
        }
    }

    /** The kept statement for {@code sql}, or null when it is in use (the caller takes one of the pool's). */
    private static PreparedStatement prepare(Connection physical, Map<String, Kept> kept, String sql)
            throws SQLException {
        Kept k;
        synchronized (kept) {
            k = kept.get(sql);
            if (k != null && k.inUse) {
                return null;
            }
            if (k == null || k.statement.isClosed()) {
                k = new Kept(physical.prepareStatement(sql));
                kept.put(sql, k);
            }
            k.inUse = true;
        }
        return handOut(k, kept);
    }

    private static PreparedStatement handOut(Kept k, Object lock) {
        boolean[] closed = {false};
        InvocationHandler h = (proxy, m, args) -> {
            Object own = objectMethod(proxy, m, args, "kept statement");
            if (own != null) {
                return own;
            }
            switch (m.getName()) {
                case "close":
                    if (!closed[0]) {
                        closed[0] = true;
                        giveBack(k, lock);
                    }
                    return null;
                case "isClosed":
                    return closed[0];
                default:
                    if (closed[0]) {
                        throw new SQLException("statement is closed");
                    }
                    Object result = call(k.statement, m, args);
                    if (result instanceof ResultSet rs) {
                        k.open.add(rs);
                    }
                    return result;
            }
        };
        return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, h);
    }

    private static void giveBack(Kept k, Object lock) {
        try {
            for (ResultSet rs : k.open) {
                rs.close();
            }
            k.open.clear();
            // closing its results resets the statement, so it holds no read transaction open; a query run with
            // execute() whose results nobody asked for has one too
            ResultSet unread = k.statement.getResultSet();
            if (unread != null) {
                unread.close();
            }
            k.statement.clearParameters();
            k.statement.clearBatch();
        } catch (SQLException e) {
            // a statement we cannot reset is not handed out again (the next prepare sees it closed); the work it
            // did stands or falls with its transaction, as it did when the pool closed its statements
            closeQuietly(k.statement);
        } finally {
            synchronized (lock) {
                k.inUse = false;
                if (k.evicted) {
                    closeQuietly(k.statement);
                }
            }
        }
    }

    /** equals, hashCode and toString of a proxy, answered by the proxy itself; null for any other method. */
    private static Object objectMethod(Object proxy, Method m, Object[] args, String what) {
        if (m.getDeclaringClass() != Object.class) {
            return null;
        }
        return switch (m.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> what + "@" + Integer.toHexString(System.identityHashCode(proxy));
        };
    }

    private static Object call(Object target, Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void closeQuietly(PreparedStatement ps) {
        try {
            ps.close();
        } catch (SQLException ignored) {
            // the statement is dropped either way
        }
    }
}
