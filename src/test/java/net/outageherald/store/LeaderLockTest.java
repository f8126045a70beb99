package net.outageherald.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The leader's advisory lock: one holder per database and schema, freed when its session ends however it ends. */
class LeaderLockTest {

    private static EmbeddedPostgres pg;
    private static int schemas;

    @BeforeAll
    static void startPostgres() throws IOException {
        pg = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        pg.close();
    }

    private static Database freshDatabase() throws Exception {
        String schema = "l" + ++schemas;
        try (var c = pg.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        }
        return Database.open(pg.getJdbcUrl("postgres", "postgres") + "&currentSchema=" + schema, "postgres", "postgres", 2);
    }

    @Test
    void oneHolderAtATimeAndTheOtherTakesItWhenTheSessionDies() throws Exception {
        try (Database db = freshDatabase();
             LeaderLock a = new LeaderLock(db, 7, Duration.ofSeconds(2));
             LeaderLock b = new LeaderLock(db, 7, Duration.ofSeconds(2))) {
            // GIVEN a holds the lock
            assertThat(a.tryAcquire()).isTrue();
            assertThat(b.tryAcquire()).isFalse();
            assertThat(a.stillHeld()).isTrue();

            // WHEN the server ends a's session (as after a partition outlasting the keepalives)
            try (var c = pg.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
                st.execute("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted");
            }

            // THEN a knows at its next check that it no longer holds it, and b takes it
            assertThat(a.stillHeld()).isFalse();
            assertThat(b.tryAcquire()).isTrue();
            assertThat(a.tryAcquire()).isFalse();

            // WHEN b gives it up, THEN a takes it again
            b.close();
            assertThat(a.tryAcquire()).isTrue();
        }
    }

    @Test
    void twoDeploymentsInOneDatabaseButTheirOwnSchemasEachHaveALeader() throws Exception {
        try (Database one = freshDatabase(); Database two = freshDatabase();
             LeaderLock a = new LeaderLock(one, 7, Duration.ofSeconds(2));
             LeaderLock b = new LeaderLock(two, 7, Duration.ofSeconds(2))) {
            assertThat(a.tryAcquire()).isTrue();
            assertThat(b.tryAcquire()).isTrue();
        }
    }
}
