package net.outageherald.subscribe;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import net.outageherald.model.Destination;
import net.outageherald.model.InvalidTargetException;
import net.outageherald.model.Platform;
import net.outageherald.model.Subscription;
import net.outageherald.model.Target;
import net.outageherald.nflog.NotificationLog;
import net.outageherald.outbox.DestinationEvents;
import net.outageherald.store.Database;
import net.outageherald.store.OutageRepository;
import net.outageherald.store.OutboxRepository;
import net.outageherald.store.SubscriptionRepository.Kind;
import net.outageherald.store.SubscriptionRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place subscriptions change: chat commands (dynamic, limited per destination), the config
 * (static, synced at start-up) and delivery (a destination that went away or moved). Subscribing to a
 * target in an outage counts as being told of it, so its restoration arrives too.
 */
public final class SubscriptionService implements Subscriptions, DestinationEvents {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionService.class);
    private static final int MAX_TARGET_KEY = 64;

    /** What a static sync changed. */
    public record SyncResult(int added, int removed) {
    }

    private final Database db;
    private final int limit;
    private final OutageRepository outages = new OutageRepository();
    private final Clock clock;
    private final SubscriptionRepository store = new SubscriptionRepository();
    private final NotificationLog log;
    private final OutboxRepository outbox;

    public SubscriptionService(Database db, NotificationLog log, int maxPerDestination, Clock clock) {
        this.log = log;
        this.db = db;
        this.limit = maxPerDestination;
        this.clock = clock;
        this.outbox = new OutboxRepository(db.isPostgres());
    }

    @Override
    public Result subscribe(Destination destination, Target target) {
        String key = validKey(target);
        Objects.requireNonNull(destination, "destination");
        Instant now = clock.instant();
        return db.inTransaction(tx -> {
            int count = store.countDynamic(tx, destination);
            Outcome outcome;
            if (store.follows(tx, destination, key)) {
                outcome = Outcome.ALREADY;
            } else if (count >= limit) {
                return new Result(Outcome.LIMIT_REACHED, count, limit, null);
            } else {
                store.insert(tx, destination, key, Kind.DYNAMIC, now);
                count++;
                outcome = Outcome.ADDED;
            }
            if (store.clearGone(tx, destination)) { // a command from there: the bot is back
                LOG.info("{} subscribes again: delivering to it again", destination);
            }
            Ongoing ongoing = ongoing(tx, key);
            if (ongoing != null) {
                log.record(tx, List.of(destination), ongoing.outageId(), key, NotificationLog.How.JOINED, now);
            }
            return new Result(outcome, count, limit, ongoing);
        });
    }

    @Override
    public boolean unsubscribe(Destination destination, Target target) {
        String key = validKey(target);
        Instant now = clock.instant();
        return db.inTransaction(tx -> {
            boolean removed = store.delete(tx, destination, key, Kind.DYNAMIC);
            if (removed && !store.follows(tx, destination, key)) {
                // no longer following at all: nothing more about this target's open outage is owed
                log.forgetOpen(tx, destination, key);
                outbox.dropPendingAbout(tx, destination, key, now);
            }
            return removed;
        });
    }

    @Override
    public List<Subscription> of(Destination destination) {
        return db.inTransaction(tx -> store.of(tx, destination));
    }

    @Override
    public List<Subscription> byPlatform(Platform platform) {
        return db.inTransaction(tx -> store.byPlatform(tx, platform));
    }

    @Override
    public int endAll(Destination destination, String reason) {
        return db.inTransaction(tx -> endAll(tx, destination, reason, clock.instant()));
    }

    /**
     * Delivery learned the destination is gone for good. Ends what chat commands made (its dynamic
     * subscriptions), what it was told and its pending messages; subscriptions from the config stay until the
     * config changes, since only the operator may take those away, but the destination is marked gone so that
     * fan-out leaves it out (and this is logged once) until it subscribes by command again or the bot restarts.
     */
    @Override
    public void ended(Connection tx, Destination destination, String reason, Instant now) throws SQLException {
        endAll(tx, destination, reason, now);
    }

    @Override
    public void moved(Connection tx, Destination from, Destination to, Instant now) throws SQLException {
        move(tx, from, to, now);
    }

    /**
     * Ends a destination inside a transaction: its dynamic subscriptions, what it was told and its pending
     * rows. Its subscriptions from the config stay, logged with what the operator should do.
     */
    private int endAll(Connection tx, Destination destination, String reason, Instant now) throws SQLException {
        int ended = 0;
        int kept = 0;
        for (Subscription s : store.of(tx, destination)) {
            if (store.delete(tx, destination, s.targetKey(), Kind.DYNAMIC)) {
                ended++;
            }
            if (store.follows(tx, destination, s.targetKey())) {
                kept++; // a static row for the same target is left
            }
        }
        log.forget(tx, destination);
        int dropped = outbox.dropPending(tx, destination, now, "destination ended: " + reason);
        if (kept > 0 && !store.markGone(tx, destination, reason, now)) {
            return ended; // already told, and fan-out leaves it out: nothing more to say
        }
        if (kept == 0) {
            LOG.warn("{} can no longer receive messages ({}): ended its {} subscriptions, dropped {} pending messages",
                    destination, reason, ended, dropped);
        } else {
            LOG.warn("{} can no longer receive messages ({}): ended its {} subscriptions, dropped {} pending messages;"
                    + " its {} subscriptions from the config stay but get nothing until the bot is back there (a"
                    + " /subscribe there, or a restart, tries again): remove them from the config if it is gone for good",
                    destination, reason, ended, dropped, kept);
        }
        return ended;
    }

    @Override
    public int move(Destination from, Destination to) {
        return db.inTransaction(tx -> move(tx, from, to, clock.instant()));
    }

    /** Moves a destination inside a transaction: subscriptions, notification log and pending rows. */
    private int move(Connection tx, Destination from, Destination to, Instant now) throws SQLException {
        if (from.platform() != to.platform()) {
            throw new IllegalArgumentException("cannot move " + from + " to another platform: " + to);
        }
        store.clearGone(tx, from);
        int moved = store.move(tx, from, to);
        log.move(tx, from, to);
        int pending = outbox.move(tx, from, to, now);
        LOG.info("{} moved to {}: moved {} subscriptions and {} pending messages (update the config if it lists {})",
                from, to, moved, pending, from.id());
        return moved;
    }

    /**
     * Makes the static subscriptions match the config: adds the missing, removes static ones no longer
     * listed, never touches dynamic ones. Call at start-up.
     */
    public SyncResult syncStatic(Map<Destination, ? extends Collection<Target>> wanted) {
        Instant now = clock.instant();
        SyncResult result = db.inTransaction(tx -> {
            Set<String> want = new HashSet<>();
            wanted.forEach((d, targets) -> targets.forEach(t -> want.add(d.key() + " " + validKey(t))));
            // at start-up a destination once gone is tried again: the operator may have added the bot back
            store.clearAllGone(tx);
            int removed = 0;
            Set<String> have = new HashSet<>();
            for (Subscription s : store.allStatic(tx)) {
                String id = s.destination().key() + " " + s.targetKey();
                if (want.contains(id)) {
                    have.add(id);
                } else {
                    store.delete(tx, s.destination(), s.targetKey(), Kind.STATIC);
                    removed++;
                }
            }
            int added = 0;
            for (var e : wanted.entrySet()) {
                for (Target t : e.getValue()) {
                    if (have.add(e.getKey().key() + " " + t.key())) {
                        store.insert(tx, e.getKey(), t.key(), Kind.STATIC, now);
                        added++;
                        // added while its target is down: it is owed the restoration, like a /subscribe
                        Ongoing ongoing = ongoing(tx, t.key());
                        if (ongoing != null) {
                            log.record(tx, List.of(e.getKey()), ongoing.outageId(), t.key(),
                                    NotificationLog.How.JOINED, now);
                        }
                    }
                }
            }
            return new SyncResult(added, removed);
        });
        if (result.added() + result.removed() > 0) {
            LOG.info("Static subscriptions synced with the config: {} added, {} removed", result.added(),
                    result.removed());
        }
        return result;
    }

    /** Every target someone follows, each once: the poller watches these besides the config's list. */
    public List<String> subscribedTargetKeys() {
        return db.inTransaction(store::targetKeys);
    }

    /** The outage the target is in right now, read from its detection state, or null. */
    private Ongoing ongoing(Connection tx, String targetKey) throws SQLException {
        return outages.openFor(tx, targetKey).map(o -> new Ongoing(o.id(), o.severity(), o.startedAt())).orElse(null);
    }

    private static String validKey(Target target) {
        Objects.requireNonNull(target, "target");
        String key = target.key();
        if (key.isBlank() || key.length() > MAX_TARGET_KEY) {
            throw new InvalidTargetException("'" + key + "' is not a target that can be followed");
        }
        return key;
    }
}
