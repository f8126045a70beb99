package net.outageherald.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every pooled SQLite connection is opened with the settings the service relies on. */
class SqlitePragmasTest {

    @TempDir
    Path dir;

    @Test
    void everyConnectionHasWalNormalSyncForeignKeysAndASmallPageCache() throws java.sql.SQLException {
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("p.db"), null, null, 2);
             java.sql.Connection first = db.dataSource().getConnection();
             java.sql.Connection second = db.dataSource().getConnection()) {
            for (java.sql.Connection c : java.util.List.of(first, second)) { // two pooled connections at once
                assertThat(pragma(c, "journal_mode")).isEqualToIgnoringCase("wal");
                assertThat(pragma(c, "synchronous")).isEqualTo("1"); // NORMAL
                assertThat(pragma(c, "foreign_keys")).isEqualTo("1");
                // 512 KiB, not SQLite's 2 MB: the OS caches the file's pages anyway
                assertThat(pragma(c, "cache_size")).isEqualTo("-512");
            }
        }
    }

    private static String pragma(java.sql.Connection tx, String name) throws java.sql.SQLException {
        try (Statement s = tx.createStatement(); ResultSet r = s.executeQuery("PRAGMA " + name)) {
            return r.next() ? r.getString(1) : null;
        }
    }
}
