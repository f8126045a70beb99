package net.outageherald.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.BiFunction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.outageherald.model.Destination;
import net.outageherald.model.Event;
import net.outageherald.model.EventType;
import net.outageherald.model.Facts;
import net.outageherald.model.Platform;
import net.outageherald.model.Status;
import net.outageherald.model.TargetState;
import net.outageherald.notify.Notifier;
import net.outageherald.outbox.Charts;
import net.outageherald.outbox.NotifyConfig;
import net.outageherald.store.Database;
import net.outageherald.store.EventRepository;
import net.outageherald.store.OutageRepository;
import net.outageherald.store.TargetRepository;
import net.outageherald.subscribe.SubscriptionService;

/**
 * A real SQLite database, a hand-moved clock, recording senders for Telegram and Discord and a
 * {@link Notifier}; events are stored the way the detector stores them (target state, outage, event and
 * the sink's rows in one transaction).
 */
public final class NotifyHarness implements AutoCloseable {

    public static final Instant T0 = Instant.parse("2014-12-22T16:15:00Z");

    public final MutableClock clock = new MutableClock(T0);
    public final Database db;
    public final RecordingSender telegram = new RecordingSender(Platform.TELEGRAM);
    public final RecordingSender discord = new RecordingSender(Platform.DISCORD);
    public final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    public final Notifier notifier;
    public final SubscriptionService subscriptions;

    private final EventRepository events = new EventRepository();
    private final OutageRepository outages = new OutageRepository();
    private final TargetRepository targets = new TargetRepository();

    public NotifyHarness(Path dir) {
        this(dir, unlimited());
    }

    public NotifyHarness(Path dir, NotifyConfig config) {
        this(Database.open("jdbc:sqlite:" + dir.resolve("herald.db"), null, null, 4), config);
    }

    public NotifyHarness(Database db, NotifyConfig config) {
        this(db, config, null);
    }

    /** With charts, made for the harness's database and clock; both senders take them. */
    public NotifyHarness(Path dir, BiFunction<Database, Clock, Charts> charts) {
        this(Database.open("jdbc:sqlite:" + dir.resolve("herald.db"), null, null, 4), unlimited(), charts);
    }

    private NotifyHarness(Database db, NotifyConfig config, BiFunction<Database, Clock, Charts> charts) {
        this.db = db;
        Charts drawn = charts == null ? Charts.NONE : charts.apply(db, clock);
        if (charts != null) {
            telegram.takingCharts();
            discord.takingCharts();
        }
        WiredNotifier wired = WiredNotifier.wire(config, db, new FakeMessages(), List.of(telegram, discord), registry,
                clock, drawn);
        this.notifier = wired.notifier();
        this.subscriptions = wired.subscriptions();
    }

    /** Defaults without the console and without rate limits: for tests about who hears what. */
    public static NotifyConfig unlimited() {
        return NotifyConfig.defaults().withConsoleEnabled(false)
                .withPlatform(Platform.TELEGRAM, NotifyConfig.PlatformLimits.unlimited(1))
                .withPlatform(Platform.DISCORD, NotifyConfig.PlatformLimits.unlimited(1));
    }

    public static Destination tg(String id) {
        return new Destination(Platform.TELEGRAM, id);
    }

    public static Destination dc(String id) {
        return new Destination(Platform.DISCORD, id);
    }

    /** The target's outage begins: returns the outage id. */
    public long outageStarted(String target) {
        return StoredOutage.of(target, clock.instant()).named(target + " name").facts(facts(target))
                .store(db, notifier.sink());
    }

    public void outageChanged(String target, long outageId, Status to) {
        Instant now = clock.instant();
        List<Event> stored = db.inTransaction(tx -> {
            outages.changeSeverity(tx, outageId, to);
            return List.of(store(tx, event(EventType.OUTAGE_CHANGED, target, to, Status.DOWN, outageId, now, null)));
        });
        notifier.sink().afterCommit(stored);
    }

    public void restored(String target, long outageId) {
        Instant now = clock.instant();
        List<Event> stored = db.inTransaction(tx -> {
            outages.close(tx, outageId, now);
            targets.saveState(tx, new TargetState(target, Status.UP, null, 0, null, now, null, null, null, now), now);
            return List.of(store(tx, event(EventType.RESTORED, target, Status.UP, Status.DOWN, outageId, now,
                    Duration.ofHours(9))));
        });
        notifier.sink().afterCommit(stored);
    }

    public void monitoring(EventType type, String target) {
        Instant now = clock.instant();
        List<Event> stored = db.inTransaction(tx -> List.of(store(tx, new Event(0, type, target, target + " name", null,
                Status.UNKNOWN, Status.UP, now, null, null, null, Facts.none("RIPEstat timed out")))));
        notifier.sink().afterCommit(stored);
    }

    private Event store(java.sql.Connection tx, Event e) throws java.sql.SQLException {
        Event stored = events.insert(tx, e, clock.instant());
        notifier.sink().onEvent(tx, stored);
        return stored;
    }

    private static Event event(EventType type, String target, Status to, Status from, long outageId, Instant at,
                               Duration duration) {
        return new Event(0, type, target, target + " name", null, to, from, at, outageId, at, duration,
                facts(target));
    }

    private static Facts facts(String target) {
        return new Facts(List.of("175.45.176.0/24"), 4, 256, 0, 0, 305, List.of(4837L),
                "https://stat.ripe.net/" + target, null);
    }

    /** Drains, moving the clock on by {@code step} between rounds, until nothing is pending. */
    public int drainAll(Duration step, int maxRounds) {
        int total = 0;
        for (int i = 0; i < maxRounds; i++) {
            total += notifier.drainOnce();
            if (notifier.pending().isEmpty()) {
                return total;
            }
            clock.advance(step);
        }
        throw new AssertionError("still pending after " + maxRounds + " rounds: " + notifier.pending());
    }

    public List<String> outboxStates() {
        return outboxStates(db);
    }

    /** "destination reason state" of every outbox row of {@code db}, in id order, whatever its state. */
    public static List<String> outboxStates(Database db) {
        return db.inTransaction(tx -> {
            List<String> out = new ArrayList<>();
            try (var ps = tx.prepareStatement("SELECT destination, reason, state FROM outbox ORDER BY id");
                 var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
                }
            }
            return out;
        });
    }

    @Override
    public void close() {
        notifier.close();
        db.close();
    }
}
