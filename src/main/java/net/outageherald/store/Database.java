package net.outageherald.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection pool and migrations. SQLite runs in WAL mode with IMMEDIATE transactions, taken in turn
 * in this process, and a busy timeout for other processes (a CLI check beside the service), so the poller,
 * delivery workers and chat commands can write without "database is locked".
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource dataSource;
    private final boolean postgres;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    /**
     * SQLite: every transaction is IMMEDIATE, so they take turns anyway; taking turns here, in order, wakes the
     * next at once, where SQLite's own busy handler sleeps 1, 2, 5, 10 ms and more between tries (an outage's
     * messages waited behind the judging's commits for tens of milliseconds). Null on PostgreSQL.
     */
    private final ReentrantLock writers;
    private final AtomicLong begun = new AtomicLong();
    /** SQLite's statements, kept per connection; null on PostgreSQL, whose driver keeps its own. */
    private final StatementCache statements;

    private Database(HikariDataSource dataSource, boolean postgres, String jdbcUrl, String user, String password) {
        this.dataSource = dataSource;
        this.postgres = postgres;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.writers = postgres ? null : new ReentrantLock(true);
        this.statements = postgres ? null : new StatementCache();
    }

    /** Opens the database (creating an SQLite file's folder) and migrates it to the latest schema. */
    public static Database open(String jdbcUrl, String user, String password, int poolSize) {
        boolean postgres = jdbcUrl.startsWith("jdbc:postgresql:");
        if (!postgres && !jdbcUrl.startsWith("jdbc:sqlite:")) {
            throw new IllegalArgumentException("unsupported database URL " + jdbcUrl
                    + ": use jdbc:sqlite:<file> or jdbc:postgresql://host/db");
        }
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(jdbcUrl);
        hc.setPoolName("herald-db");
        hc.setMaximumPoolSize(Math.max(1, poolSize));
        if (postgres) {
            hc.setUsername(user);
            hc.setPassword(password);
        } else {
            createSqliteFolder(jdbcUrl);
            hc.addDataSourceProperty("journal_mode", "WAL");
            hc.addDataSourceProperty("busy_timeout", "30000");
            hc.addDataSourceProperty("transaction_mode", "IMMEDIATE");
            hc.addDataSourceProperty("synchronous", "NORMAL");
            hc.addDataSourceProperty("foreign_keys", "true");
            // each connection's own page cache: 512 KiB instead of SQLite's 2 MB, as the file's pages are in the
            // OS's cache anyway (ten connections could hold 20 MB of native memory; 3-4 MB less RSS at 10,000 watched)
            hc.addDataSourceProperty("cache_size", "-512");
        }
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(hc);
        } catch (RuntimeException e) { // unreachable server, refused login: the pool tries one connection
            throw new StoreException("cannot connect to the database at " + masked(jdbcUrl) + ": " + e.getMessage(), e);
        }
        try {
            var result = Flyway.configure()
                    .dataSource(ds)
                    // Quartz's clustered job store only on PostgreSQL: on SQLite one instance keeps its jobs in memory
                    .locations(postgres ? new String[] {"classpath:db/migration", "classpath:db/postgresql"}
                            : new String[] {"classpath:db/migration"})
                    .placeholders(Map.of("id_pk", postgres ? "BIGSERIAL PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT"))
                    .load()
                    .migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info("Database migrated to version {} ({} migrations)", result.targetSchemaVersion,
                        result.migrationsExecuted);
            }
        } catch (RuntimeException e) {
            ds.close();
            throw new StoreException("could not migrate the database at " + masked(jdbcUrl) + ": " + e.getMessage(), e);
        }
        return new Database(ds, postgres, jdbcUrl, user, password);
    }

    /** pgjdbc takes {@code ?password=…} in the URL too; an error message must not carry it to a log. */
    private static String masked(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static void createSqliteFolder(String jdbcUrl) {
        String file = jdbcUrl.substring("jdbc:sqlite:".length());
        int q = file.indexOf('?');
        if (q >= 0) {
            file = file.substring(0, q);
        }
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
            return;
        }
        Path parent = Path.of(file).toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new StoreException("cannot create the database folder " + parent + ": " + e.getMessage(), e);
        }
    }

    public boolean isPostgres() {
        return postgres;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * A connection of its own, outside the pool, for a session that must live as long as its holder
     * (an advisory lock): the pool would hand it back, retire it or share it. PostgreSQL only.
     */
    Connection dedicatedConnection(java.util.Properties extra) throws SQLException {
        if (!postgres) {
            throw new IllegalStateException("a dedicated session is only needed (and kept) on PostgreSQL");
        }
        java.util.Properties p = new java.util.Properties();
        p.putAll(extra);
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        return java.sql.DriverManager.getConnection(jdbcUrl, p);
    }

    /** How many transactions were begun since the database was opened. */
    public long transactionsBegun() {
        return begun.get();
    }

    /** Runs work in one transaction: committed if it returns, rolled back if it throws. */
    public <T> T inTransaction(SqlFunction<T> work) {
        begun.incrementAndGet();
        if (writers == null) {
            return transaction(work);
        }
        writers.lock();
        try {
            return transaction(work);
        } finally {
            writers.unlock();
        }
    }

    private <T> T transaction(SqlFunction<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            Connection tx = statements == null ? c : statements.wrap(c);
            try {
                T result = work.apply(tx);
                c.commit();
                return result;
            } catch (Throwable e) {
                // an Error too: kept statements write past the pool's own bookkeeping, so it would not roll back
                c.rollback();
                throw e;
            } finally {
                if (statements != null) {
                    statements.release(tx);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("database error: " + e.getMessage(), e);
        }
    }

    /** How many prepared statements SQLite keeps for the connection under {@code pooled} (for tests). */
    int keptStatements(Connection pooled) throws SQLException {
        return statements == null ? 0 : statements.kept(pooled);
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
