package net.outageherald.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.outageherald.model.Event;
import net.outageherald.model.EventType;
import net.outageherald.store.Database;
import net.outageherald.store.EventRepository;
import net.outageherald.testing.MutableClock;
import net.outageherald.testing.OnePrefixTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Confirmations that fall due together are committed one by one, each event's messages woken as soon as it is
 * decided; a large pass stays one transaction.
 */
class DuePassTest {

    private static final Instant T0 = Instant.parse("2014-12-22T16:00:00Z");

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(T0);
    private Database db;
    /** Each afterCommit: its events, and how many OUTAGE_STARTED another transaction saw stored then. */
    private final List<Integer> batches = new ArrayList<>();
    private final List<Integer> storedThen = new ArrayList<>();

    private final EventSink sink = new EventSink() {
        @Override
        public void onEvent(Connection tx, Event event) {
        }

        @Override
        public void afterCommit(List<Event> events) {
            batches.add(events.size());
            storedThen.add(db.inTransaction(tx -> {
                int n = 0;
                for (int i = 0; i < 40; i++) {
                    n += (int) new EventRepository().recent(tx, "AS" + (64500 + i), 5).stream()
                            .filter(e -> e.type() == EventType.OUTAGE_STARTED).count();
                }
                return n;
            }));
        }
    };

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    /** {@code n} targets of one prefix, up, then dark for confirm-for: the pass that confirms them all. */
    private void confirmTogether(int n) {
        db = Database.open("jdbc:sqlite:" + dir.resolve("herald.db"), null, null, 2);
        Detector detector = new Detector(OnePrefixTarget.detection("confirm-after: 1, confirm-for: 60s"), db, sink,
                clock);
        List<OnePrefixTarget> targets = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            targets.add(new OnePrefixTarget(db, detector, clock, "AS" + (64500 + i)));
        }
        targets.forEach(t -> t.seenBy(10));
        clock.advance(Duration.ofSeconds(10));
        targets.forEach(t -> t.seenBy(0)); // each begins its streak
        batches.clear();
        storedThen.clear();
        clock.advance(Duration.ofSeconds(60));

        List<Detector.Judging> due = targets.stream().map(t -> new Detector.Judging(t.info, Set.of(t.prefix), null,
                clock.instant(), false, 0)).toList();
        assertThat(detector.judgedAll(List.of(), due)).hasSize(n);
    }

    @Test
    void tenConfirmationsFallingDueTogetherAreCommittedAndWokenOneByOne() {
        confirmTogether(10);

        assertThat(batches).containsExactly(1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        assertThat(storedThen).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    }

    @Test
    void aLargePassStaysOneTransaction() {
        confirmTogether(Detector.ONE_BY_ONE_UP_TO + 1);

        assertThat(batches).containsExactly(Detector.ONE_BY_ONE_UP_TO + 1);
        assertThat(storedThen).containsExactly(Detector.ONE_BY_ONE_UP_TO + 1);
    }
}
