package net.outageherald.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import net.outageherald.detect.EventSink;
import net.outageherald.model.Event;
import net.outageherald.model.EventType;
import net.outageherald.model.Facts;
import net.outageherald.model.Prefix;
import net.outageherald.model.Status;
import net.outageherald.model.TargetState;
import net.outageherald.store.Database;
import net.outageherald.store.EventRepository;
import net.outageherald.store.OutageRepository;
import net.outageherald.store.TargetRepository;

/**
 * The one way tests store an outage that has begun, as the detector stores it, in one transaction: the
 * target's row (created if it has none), the outage row, the target's detection state pointing at it, the
 * OUTAGE_STARTED event and, given a sink, the sink's rows for that event (outbox rows, notification log);
 * the sink is woken after the commit.
 *
 * <pre>{@code
 * long outage = StoredOutage.of("AS1", now).store(db, notifier.sink());
 * StoredOutage.of("KP", t).named("North Korea (KP)").country("KP").prefixes("175.45.176.0/24").store(db);
 * }</pre>
 *
 * Defaults: a DOWN outage, the target named by its key, no country, no prefixes, no facts.
 */
public final class StoredOutage {

    private final String targetKey;
    private final Instant since;
    private String name;
    private String countryCode;
    private List<Prefix> prefixes = List.of();
    private Status severity = Status.DOWN;
    private Facts facts = Facts.none(null);

    private StoredOutage(String targetKey, Instant since) {
        this.targetKey = targetKey;
        this.since = since;
        this.name = targetKey;
    }

    /** An outage of {@code targetKey} that began at {@code since}, which is also when it is stored. */
    public static StoredOutage of(String targetKey, Instant since) {
        return new StoredOutage(targetKey, since);
    }

    /** The target's human name, on its row (when created here) and in the event. */
    public StoredOutage named(String targetName) {
        this.name = targetName;
        return this;
    }

    /** The country whose local time messages show, on the target's row (when created here) and in the event. */
    public StoredOutage country(String code) {
        this.countryCode = code;
        return this;
    }

    /** The target's prefixes, on its row when created here. */
    public StoredOutage prefixes(String... cidrs) {
        this.prefixes = Arrays.stream(cidrs).map(Prefix::parse).toList();
        return this;
    }

    /** PARTIAL or DOWN (the default). */
    public StoredOutage severity(Status status) {
        this.severity = status;
        return this;
    }

    /** The evidence the event carries. */
    public StoredOutage facts(Facts evidence) {
        this.facts = evidence;
        return this;
    }

    /** Stores it without telling anyone (no outbox rows): returns the outage id. */
    public long store(Database db) {
        return store(db, null);
    }

    /** Stores it and hands the event to {@code sink} in the same transaction, then after the commit: returns the outage id. */
    public long store(Database db, EventSink sink) {
        Event[] stored = new Event[1];
        db.inTransaction(tx -> {
            stored[0] = storeIn(tx, sink);
            return null;
        });
        if (sink != null) {
            sink.afterCommit(List.of(stored[0]));
        }
        return stored[0].outageId();
    }

    private Event storeIn(Connection tx, EventSink sink) throws SQLException {
        TargetRepository targets = new TargetRepository();
        if (targets.find(tx, targetKey).isEmpty()) {
            targets.saveResolution(tx, targetKey, name, countryCode, prefixes, since, since);
        }
        long outageId = new OutageRepository().open(tx, targetKey, since, severity);
        targets.saveState(tx, new TargetState(targetKey, severity, null, 0, null, since, null, outageId, since, since),
                since);
        Event event = new EventRepository().insert(tx, new Event(0, EventType.OUTAGE_STARTED, targetKey, name,
                countryCode, severity, Status.UP, since, outageId, since, null, facts), since);
        if (sink != null) {
            sink.onEvent(tx, event);
        }
        return event;
    }
}
