package net.outageherald.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import net.outageherald.model.Event;
import net.outageherald.model.EventType;
import net.outageherald.model.Prefix;
import net.outageherald.testing.StoredOutage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The same migrations and repositories on a real PostgreSQL (embedded binaries from Maven). */
class PostgresStoreTest {

    private static EmbeddedPostgres pg;
    private static Database db;

    @BeforeAll
    static void start() throws Exception {
        pg = EmbeddedPostgres.start();
        db = Database.open(pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", 2);
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
        pg.close();
    }

    @Test
    void storesTargetsOutagesAndEventsLikeSqlite() {
        Instant t = Instant.parse("2014-12-22T16:15:00Z");
        TargetRepository targets = new TargetRepository();
        OutageRepository outages = new OutageRepository();
        EventRepository events = new EventRepository();
        long id = StoredOutage.of("KP", t).named("North Korea (KP)").country("KP").prefixes("175.45.176.0/24")
                .store(db);
        db.inTransaction(tx -> {
            outages.close(tx, id, t.plusSeconds(34_260));
            return null;
        });
        assertThat(db.isPostgres()).isTrue();
        assertThat(db.inTransaction(tx -> targets.find(tx, "KP")).orElseThrow().prefixes())
                .containsExactly(Prefix.parse("175.45.176.0/24"));
        Outage o = db.inTransaction(tx -> outages.history(tx, "KP", 5)).get(0);
        assertThat(o.duration(t).toMinutes()).isEqualTo(571); // 9 h 31 min
        List<Event> recent = db.inTransaction(tx -> events.recent(tx, "KP", 5));
        assertThat(recent).singleElement()
                .satisfies(e -> assertThat(e.type()).isEqualTo(EventType.OUTAGE_STARTED));
    }

    @Test
    void keepsAndPrunesTheVisibilityHistoryLikeSqlite() {
        VisibilityRepository history = new VisibilityRepository();
        Instant t = Instant.parse("2014-12-22T16:00:00Z");
        db.<Void>inTransaction(tx -> {
            history.record(tx, "KP", new VisibilityRepository.Sample(t, 1.0, 305, 305));
            history.record(tx, "KP", new VisibilityRepository.Sample(t, 0.5, 1, 1)); // same minute: ignored
            history.record(tx, "KP", new VisibilityRepository.Sample(t.plusSeconds(900), 0.0, 0, 305));
            return null;
        });
        List<VisibilityRepository.Sample> kept = db.inTransaction(tx -> history.between(tx, "KP", t, t.plusSeconds(3600)));
        assertThat(kept)
                .extracting(VisibilityRepository.Sample::visibleShare).containsExactly(1.0, 0.0);
        int pruned = db.inTransaction(tx -> history.prune(tx, t.plusSeconds(60)));
        assertThat(pruned).isEqualTo(1);
        List<VisibilityRepository.Sample> left = db.inTransaction(tx -> history.between(tx, "KP", t, t.plusSeconds(3600)));
        assertThat(left).hasSize(1);
    }
}
