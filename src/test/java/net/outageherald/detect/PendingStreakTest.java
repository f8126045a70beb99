package net.outageherald.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.outageherald.model.Event;
import net.outageherald.model.EventType;
import net.outageherald.model.Status;
import net.outageherald.store.Database;
import net.outageherald.store.TargetRepository;
import net.outageherald.store.VisibilityRepository;
import net.outageherald.testing.MutableClock;
import net.outageherald.testing.OnePrefixTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sink hears of each streak towards an outage or a restoration once, when it begins and after its judging
 * committed, so that its chart is drawn while it is being confirmed; never of one confirmed at once.
 */
class PendingStreakTest {

    private static final String KEY = "AS131279";
    private static final Instant T0 = Instant.parse("2014-12-22T16:00:00Z");

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(T0);
    private Database db;
    /** What the sink was told, and what was stored of the target when it was (a new transaction's view). */
    private final List<PendingChange> told = new ArrayList<>();
    private final List<Instant> committedSince = new ArrayList<>();

    private final EventSink sink = new EventSink() {
        @Override
        public void onEvent(Connection tx, Event event) {
        }

        @Override
        public void pending(List<PendingChange> changes) {
            told.addAll(changes);
            // after commit: another transaction sees the streak stored
            changes.forEach(c -> committedSince.add(db.inTransaction(tx -> new TargetRepository().find(tx, KEY))
                    .orElseThrow().state().pendingSince()));
        }
    };

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    private OnePrefixTarget target(String detection) {
        db = Database.open("jdbc:sqlite:" + dir.resolve("herald.db"), null, null, 2);
        Detector detector = new Detector(OnePrefixTarget.detection(detection), db, sink, clock);
        return new OnePrefixTarget(db, detector, clock, KEY);
    }

    private List<Instant> samples() {
        return db.inTransaction(tx -> new VisibilityRepository().between(tx, KEY, T0.minusSeconds(1),
                T0.plus(Duration.ofDays(1)))).stream().map(VisibilityRepository.Sample::at).toList();
    }

    @Test
    void eachStreakTowardsAnOutageOrARestorationIsToldOnceWhenItBegins() {
        OnePrefixTarget t = target("confirm-after: 1, confirm-for: 60s");
        t.seenBy(10); // the first good round: UP, silently
        assertThat(told).isEmpty();

        // WHEN the target goes dark 10 s later
        clock.advance(Duration.ofSeconds(10));
        Instant dark = clock.instant();
        assertThat(t.seenBy(0)).isEmpty();
        // THEN the sink hears of an outage being confirmed since then, after its judging committed
        assertThat(told).containsExactly(new PendingChange(KEY, dark, PendingChange.Leads.OUTAGE, null));
        assertThat(committedSince).containsExactly(dark);
        // and that judging's sample was written, though the last one is 10 s old, so that the chart shows the drop
        assertThat(samples()).containsExactly(T0, dark);

        // WHEN the same streak is judged again
        clock.advance(Duration.ofSeconds(10));
        t.seenBy(0);
        // THEN nothing more is told, and the once-a-minute limit holds again
        assertThat(told).hasSize(1);
        assertThat(samples()).containsExactly(T0, dark);

        // WHEN it flaps back, then darkens anew
        clock.advance(Duration.ofSeconds(10));
        t.seenBy(10);
        assertThat(told).hasSize(1);
        clock.advance(Duration.ofSeconds(10));
        Instant again = clock.instant();
        t.seenBy(0);
        // THEN the new streak is told
        assertThat(told).hasSize(2);
        assertThat(told.get(1)).isEqualTo(new PendingChange(KEY, again, PendingChange.Leads.OUTAGE, null));

        // WHEN it is confirmed after confirm-for
        clock.advance(Duration.ofSeconds(61));
        assertThat(t.seenBy(0)).extracting(Event::type).containsExactly(EventType.OUTAGE_STARTED);
        assertThat(told).as("the confirmation itself is no new streak").hasSize(2);

        // WHEN it comes back: a streak towards its restoration, with the outage's start
        clock.advance(Duration.ofMinutes(5));
        Instant back = clock.instant();
        t.seenBy(10);
        assertThat(told).hasSize(3);
        assertThat(told.get(2)).isEqualTo(new PendingChange(KEY, back, PendingChange.Leads.RESTORATION, again));
        clock.advance(Duration.ofSeconds(30));
        t.seenBy(10);
        assertThat(told).hasSize(3);
    }

    @Test
    void aJudgingThatConfirmsAtOnceTellsNoStreak() {
        OnePrefixTarget t = target("confirm-after: 1, confirm-for: 0s");
        t.seenBy(10);
        clock.advance(Duration.ofSeconds(10));

        assertThat(t.seenBy(0)).extracting(Event::type).containsExactly(EventType.OUTAGE_STARTED);
        clock.advance(Duration.ofSeconds(10));
        assertThat(t.seenBy(10)).extracting(Event::type).containsExactly(EventType.RESTORED);

        assertThat(told).isEmpty();
    }

    @Test
    void aTargetJudgedOnIodasSignalIsToldToo() {
        OnePrefixTarget t = target("confirm-after: 1, confirm-for: 60s");
        Detector detector = new Detector(OnePrefixTarget.detection("confirm-after: 1, confirm-for: 60s"), db, sink,
                clock);
        detector.judgedBySignal(t.info, Status.UP, 1.0, "IODA", "normal", null);
        clock.advance(Duration.ofSeconds(10));
        Instant dark = clock.instant();

        detector.judgedBySignal(t.info, Status.DOWN, 0.0, "IODA", "dark", null);
        detector.judgedBySignal(t.info, Status.DOWN, 0.0, "IODA", "dark", null);

        assertThat(told).containsExactly(new PendingChange(KEY, dark, PendingChange.Leads.OUTAGE, null));
    }
}
