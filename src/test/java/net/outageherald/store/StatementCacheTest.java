package net.outageherald.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatementCacheTest {

    @TempDir
    Path dir;
    private Database db;
    private String url;

    @BeforeEach
    void open() {
        url = "jdbc:sqlite:" + dir.resolve("cache.db");
        db = Database.open(url, null, null, 1);
        db.inTransaction(tx -> {
            try (PreparedStatement ps = tx.prepareStatement("CREATE TABLE t (x INTEGER PRIMARY KEY)")) {
                ps.executeUpdate();
            }
            for (int i = 1; i <= 5; i++) {
                insert(tx, i);
            }
            return null;
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aStatementRunInTwoTransactionsIsPreparedOnce() {
        Object first = db.inTransaction(tx -> physical(tx, "SELECT count(*) FROM t"));
        Object second = db.inTransaction(tx -> physical(tx, "SELECT count(*) FROM t"));

        assertThat(second).isSameAs(first);
        assertThat(db.<Integer>inTransaction(StatementCacheTest::count)).isEqualTo(5);
    }

    @Test
    void theSameQueryInsideALoopOverItsOwnResultsGetsAStatementOfItsOwn() {
        List<Integer> pairs = db.inTransaction(tx -> {
            List<Integer> out = new ArrayList<>();
            try (PreparedStatement outer = tx.prepareStatement("SELECT x FROM t WHERE x > ? ORDER BY x")) {
                outer.setInt(1, 3);
                try (ResultSet rs = outer.executeQuery()) {
                    while (rs.next()) {
                        try (PreparedStatement inner = tx.prepareStatement("SELECT x FROM t WHERE x > ? ORDER BY x")) {
                            inner.setInt(1, 0);
                            try (ResultSet r2 = inner.executeQuery()) {
                                int n = 0;
                                while (r2.next()) {
                                    n++;
                                }
                                out.add(rs.getInt(1) * 10 + n);
                            }
                        }
                    }
                }
            }
            return out;
        });

        assertThat(pairs).containsExactly(45, 55);
    }

    @Test
    void closingAStatementResetsAResultSetLeftOpenSoNoReaderHoldsTheLogBack() throws SQLException {
        db.inTransaction(tx -> {
            PreparedStatement ps = tx.prepareStatement("SELECT x FROM t ORDER BY x");
            ResultSet rs = ps.executeQuery();
            assertThat(rs.next()).isTrue();
            ps.close(); // the result set is left open, and the statement is kept
            return null;
        });

        assertNoReaderHoldsTheLog();
        assertThat(db.<Integer>inTransaction(StatementCacheTest::count)).isEqualTo(6);
    }

    /** Another connection writes a row, then checkpoints: busy if one of ours still reads an old snapshot. */
    private void assertNoReaderHoldsTheLog() throws SQLException {
        try (Connection other = DriverManager.getConnection(url)) {
            other.createStatement().executeUpdate("INSERT INTO t VALUES (6)");
            try (ResultSet cp = other.createStatement().executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                assertThat(cp.next()).isTrue();
                assertThat(cp.getInt(1)).as("busy: a reader still holds an old snapshot").isZero();
            }
        }
    }

    @Test
    void aQueryRunWithExecuteAndGivenBackUnreadHoldsNoSnapshotEither() throws SQLException {
        db.inTransaction(tx -> {
            try (PreparedStatement ps = tx.prepareStatement("SELECT x FROM t ORDER BY x")) {
                assertThat(ps.execute()).isTrue();
            }
            return null;
        });

        assertNoReaderHoldsTheLog();
    }

    @Test
    void aStatementTheWorkDidNotCloseIsGivenBackWhenTheTransactionEnds() throws SQLException {
        Connection[] leaked = new Connection[1];
        db.inTransaction(tx -> {
            leaked[0] = tx;
            PreparedStatement ps = tx.prepareStatement("SELECT x FROM t ORDER BY x");
            ps.executeQuery().next(); // neither closed
            return null;
        });

        assertNoReaderHoldsTheLog();
        assertThatThrownBy(() -> leaked[0].prepareStatement("SELECT 1")).as("used after its transaction")
                .isInstanceOf(SQLException.class).hasMessageContaining("transaction has ended");
        assertThat(db.<Integer>inTransaction(StatementCacheTest::count)).isEqualTo(6);
    }

    @Test
    void anErrorThrownByTheWorkRollsBackWhatItsKeptStatementsWrote() {
        assertThatThrownBy(() -> db.inTransaction(tx -> {
            insert(tx, 9);
            throw new AssertionError("boom");
        })).isInstanceOf(AssertionError.class);

        assertThat(db.<Integer>inTransaction(StatementCacheTest::count)).isEqualTo(5);
    }

    @Test
    void aClosedStatementRefusesWorkAndParametersDoNotCarryOver() {
        db.inTransaction(tx -> {
            PreparedStatement ps = tx.prepareStatement("SELECT count(*) FROM t WHERE x > ?");
            ps.setInt(1, 4);
            ps.close();
            assertThat(ps.isClosed()).isTrue();
            assertThatThrownBy(ps::executeQuery).isInstanceOf(SQLException.class);
            try (PreparedStatement again = tx.prepareStatement("SELECT count(*) FROM t WHERE x > ?");
                 ResultSet rs = again.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).as("unbound, so NULL: the old 4 (one row) was cleared").isZero();
            }
            return null;
        });
    }

    @Test
    void aFailedStatementCanRunAgainAndTheTransactionStillRollsBack() {
        assertThatThrownBy(() -> db.inTransaction(tx -> {
            insert(tx, 7);
            insert(tx, 1); // primary key taken
            return null;
        })).isInstanceOf(StoreException.class);

        db.inTransaction(tx -> {
            insert(tx, 8);
            return null;
        });
        assertThat(db.<Integer>inTransaction(StatementCacheTest::count)).as("7 rolled back, 8 in").isEqualTo(6);
    }

    @Test
    void aStatementThatFailedWhileRunningIsPreparedAfreshNextTime() {
        db.inTransaction(tx -> {
            PreparedStatement ps = tx.prepareStatement("SELECT abs(?)");
            ps.setLong(1, Long.MIN_VALUE);
            assertThatThrownBy(() -> ps.executeQuery().next()).as("integer overflow").isInstanceOf(SQLException.class);
            ps.close(); // giving it back does not throw, whatever the failure left of it
            try (PreparedStatement again = tx.prepareStatement("SELECT abs(?)")) {
                again.setLong(1, -7);
                try (ResultSet rs = again.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getLong(1)).isEqualTo(7);
                }
            }
            return null;
        });
    }

    @Test
    void aConnectionThePoolRetiredIsForgottenAndItsSuccessorWorks() {
        Object before = db.inTransaction(tx -> physical(tx, "SELECT count(*) FROM t"));
        ((HikariDataSource) db.dataSource()).getHikariPoolMXBean().softEvictConnections();

        Object after = db.inTransaction(tx -> physical(tx, "SELECT count(*) FROM t"));

        assertThat(after).isNotSameAs(before);
        assertThat(db.<Integer>inTransaction(StatementCacheTest::count)).isEqualTo(5);
    }

    @Test
    void aConnectionKeepsAtMostItsShareOfTextsAndEveryOneStillRuns() {
        int n = StatementCache.PER_CONNECTION + 10;
        List<Integer> counts = db.inTransaction(tx -> {
            List<Integer> out = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < n; i++) {
                    try (PreparedStatement ps = tx.prepareStatement("SELECT count(*) + " + i + " FROM t")) {
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            out.add(rs.getInt(1) - i);
                        }
                    }
                }
            }
            assertThat(db.keptStatements(tx)).isEqualTo(StatementCache.PER_CONNECTION);
            return out;
        });

        assertThat(counts).hasSize(2 * n).containsOnly(5);
    }

    private static Object physical(Connection tx, String sql) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement(sql)) {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
            }
            return ps.unwrap(PreparedStatement.class);
        }
    }

    private static int count(Connection tx) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("SELECT count(*) FROM t");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void insert(Connection tx, int x) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("INSERT INTO t (x) VALUES (?)")) {
            ps.setInt(1, x);
            ps.executeUpdate();
        }
    }
}
