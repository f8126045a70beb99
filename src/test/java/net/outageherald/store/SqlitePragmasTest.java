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
    void everyConnectionHasWalNormalSyncForeignKeysAndASmallPageCache() {
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("p.db"), null, null, 2)) {
            for (int i = 0; i < 2; i++) {
                db.inTransaction(tx -> {
                    assertThat(pragma(tx, "journal_mode")).isEqualToIgnoringCase("wal");
                    assertThat(pragma(tx, "synchronous")).isEqualTo("1"); // NORMAL
                    assertThat(pragma(tx, "foreign_keys")).isEqualTo("1");
                    // 512 KiB, not SQLite's 2 MB: the OS caches the file's pages anyway
                    assertThat(pragma(tx, "cache_size")).isEqualTo("-512");
                    return null;
                });
            }
        }
    }

    private static String pragma(java.sql.Connection tx, String name) throws java.sql.SQLException {
        try (Statement s = tx.createStatement(); ResultSet r = s.executeQuery("PRAGMA " + name)) {
            return r.next() ? r.getString(1) : null;
        }
    }
}
