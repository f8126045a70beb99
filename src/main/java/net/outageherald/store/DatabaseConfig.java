package net.outageherald.store;

import net.outageherald.config.Checks;
import net.outageherald.config.ConfigNode;
import net.outageherald.config.Secret;
import java.time.Duration;
import java.util.List;

/**
 * Where the state lives: SQLite by default, PostgreSQL when {@link #url()} says so. The password is a
 * {@link Secret}, and {@link #toString()} also masks a password written into the URL. On PostgreSQL,
 * {@link #leaderCheck()} is how often the instance that writes routing state checks its lock, and how
 * often the others try to take it.
 */
public record DatabaseConfig(String url, String username, Secret password, int poolSize, Duration leaderCheck) {

    public static final String URL_ENV = "HERALD_DB_URL";
    public static final String USER_ENV = "HERALD_DB_USER";
    public static final String PASSWORD_ENV = "HERALD_DB_PASSWORD";
    private static final List<String> SCHEMES = List.of("jdbc:sqlite:", "jdbc:postgresql:");
    private static final int MAX_POOL = 64;
    private static final Duration MIN_CHECK = Duration.ofMillis(200);
    private static final Duration MAX_CHECK = Duration.ofSeconds(5); // the holder must step down before the server gives up on it

    public DatabaseConfig {
        url = Checks.present(url, "url").strip();
        jdbcUrl(url);
        Checks.range(poolSize, 1, MAX_POOL, "pool-size");
        java.util.Objects.requireNonNull(leaderCheck, "leader-check");
    }

    /** The one place the database defaults are written down; config/herald.yaml repeats them. */
    public static DatabaseConfig defaults() {
        return new DatabaseConfig("jdbc:sqlite:data/outage-herald.db", null, null, 10, Duration.ofSeconds(2));
    }

    /** Binds the {@code database:} section. */
    public static DatabaseConfig from(ConfigNode n) {
        DatabaseConfig d = defaults();
        String url = n.validate("url", n.env("url", URL_ENV, d.url), DatabaseConfig::jdbcUrl, d.url);
        String username = n.env("username", USER_ENV, null);
        Secret password = n.secret("password", PASSWORD_ENV).orElse(null);
        int poolSize = n.integer("pool-size", d.poolSize, 1, MAX_POOL);
        Duration leaderCheck = n.duration("leader-check", d.leaderCheck, MIN_CHECK, MAX_CHECK);
        return n.build(() -> new DatabaseConfig(url, username, password, poolSize, leaderCheck));
    }

    @Override
    public String toString() {
        // pgjdbc also takes ?password=… in the URL; that must not reach a log either
        return "DatabaseConfig[url=" + url.replaceAll("(?i)(password=)[^&;]*", "$1***") + ", username=" + username
                + ", password=" + (password == null ? "(none)" : password) + ", poolSize=" + poolSize + ", leaderCheck=" + leaderCheck + "]";
    }

    private static String jdbcUrl(String url) {
        String s = url.strip();
        if (SCHEMES.stream().noneMatch(scheme -> s.startsWith(scheme) && s.length() > scheme.length())) {
            throw new IllegalArgumentException("'" + url + "' is not a database we support; use "
                    + "jdbc:sqlite:path/to/file.db or jdbc:postgresql://host:5432/dbname");
        }
        return s;
    }
}
