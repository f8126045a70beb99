package net.outageherald.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import net.outageherald.detect.PendingChange;
import net.outageherald.model.SendReason;
import net.outageherald.store.Outage;

/**
 * The charts drawn while a change is being confirmed, one per target (its latest streak), until the event's
 * first delivery takes its chart from here. Bounded as the events' charts are: at most {@code kept}, each for
 * {@code keepFor}; a change is not prepared when all of them are still being drawn. Not thread-safe: the
 * caller holds its lock.
 */
final class PreparedCharts {

    /** A chart being drawn or drawn for a change being confirmed, since {@code at}. */
    record Prepared(PendingChange change, CompletableFuture<Optional<byte[]>> png, Instant at) {
    }

    private final int kept;
    private final Duration keepFor;
    private final Map<String, Prepared> byTarget = new LinkedHashMap<>();

    PreparedCharts(int kept, Duration keepFor) {
        this.kept = kept;
        this.keepFor = keepFor;
    }

    /**
     * Keeps the chart of this change, in place of one of an older streak of the same target (whose drawing, if
     * still queued, is skipped: it ends without a chart).
     *
     * @return false if there is no room: {@code kept} charts are still being drawn
     */
    boolean put(PendingChange change, CompletableFuture<Optional<byte[]>> png, Instant now) {
        Prepared older = byTarget.remove(change.targetKey());
        if (older != null) {
            older.png().complete(Optional.empty());
        }
        forgetOld(now);
        if (byTarget.size() >= kept) {
            return false;
        }
        byTarget.put(change.targetKey(), new Prepared(change, png, now));
        return true;
    }

    boolean has(String targetKey) {
        return byTarget.containsKey(targetKey);
    }

    /**
     * Takes the target's prepared chart if it is the one of this event: an outage whose stored start is the
     * streak's, or a restoration whose stored end is; one that ended without a chart is dropped (the event draws
     * its own, on more history). Empty otherwise, leaving it for its own event.
     */
    Optional<CompletableFuture<Optional<byte[]>>> take(String targetKey, SendReason reason, Outage outage) {
        Prepared p = byTarget.get(targetKey);
        if (p == null || !matches(p.change(), reason, outage)) {
            return Optional.empty();
        }
        byTarget.remove(targetKey);
        if (p.png().isDone() && p.png().getNow(Optional.empty()).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(p.png());
    }

    int size() {
        return byTarget.size();
    }

    /**
     * The store keeps the outage's start and end to the millisecond: the streak's start, which the confirmed
     * event takes for them, is compared at that precision.
     */
    static boolean matches(PendingChange change, SendReason reason, Outage outage) {
        Instant stored = switch (reason) {
            case OUTAGE -> change.restoration() ? null : outage.startedAt();
            case RESTORATION -> change.restoration() ? outage.endedAt() : null;
            default -> null;
        };
        return stored != null && stored.toEpochMilli() == change.since().toEpochMilli();
    }

    /** Forgets charts past {@code keepFor}, and the oldest past {@code kept}: finished ones only. */
    private void forgetOld(Instant now) {
        Iterator<Prepared> it = byTarget.values().iterator();
        while (it.hasNext()) {
            Prepared p = it.next();
            if (p.png().isDone() && (byTarget.size() >= kept || p.at().plus(keepFor).isBefore(now))) {
                it.remove();
            }
        }
    }
}
