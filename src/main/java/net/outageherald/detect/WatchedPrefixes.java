package net.outageherald.detect;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import net.outageherald.model.Prefix;
import net.outageherald.schedule.Job;

/**
 * The watch list resolved into prefixes, refreshed as a scheduled job: resolving can ask RIPEstat, so it
 * runs apart from judging, which reads the last snapshot. Each refresh hands the prefixes on (to the
 * routing table and the stream's subscriptions).
 */
public final class WatchedPrefixes implements Job {

    /** One resolution of the whole watch list. */
    public record Snapshot(List<Resolved> targets, Map<Prefix, List<Resolved>> byPrefix, Set<Prefix> prefixes) {

        static final Snapshot EMPTY = new Snapshot(List.of(), Map.of(), Set.of());

        static Snapshot of(List<Resolved> targets) {
            Map<Prefix, List<Resolved>> by = new HashMap<>();
            Set<Prefix> all = new LinkedHashSet<>();
            for (Resolved r : targets) {
                for (Prefix p : r.prefixes()) {
                    by.computeIfAbsent(p, k -> new ArrayList<>(1)).add(r);
                    all.add(p);
                }
            }
            return new Snapshot(List.copyOf(targets), by, all);
        }

        /** The targets that contain any of these prefixes, each once. */
        public Collection<Resolved> containing(Collection<Prefix> prefixes) {
            Map<String, Resolved> out = new java.util.LinkedHashMap<>();
            for (Prefix p : prefixes) {
                for (Resolved r : byPrefix.getOrDefault(p, List.of())) {
                    out.putIfAbsent(r.info().key(), r);
                }
            }
            return out.values();
        }
    }

    private final Supplier<List<Resolved>> resolve;
    private final List<Consumer<Set<Prefix>>> listeners;
    private volatile Snapshot current = Snapshot.EMPTY;

    /** The service's: the watch list, each target through the resolver (cached, or asked of RIPEstat). */
    public WatchedPrefixes(WatchList watch, TargetResolver resolver, List<Consumer<Set<Prefix>>> listeners) {
        this(() -> watch.targets().stream().map(resolver::resolve).toList(), listeners);
    }

    /**
     * @param resolve   gives the watched targets with their prefixes (a replay resolves from its capture)
     * @param listeners told the watched prefixes after every refresh
     */
    public WatchedPrefixes(Supplier<List<Resolved>> resolve, List<Consumer<Set<Prefix>>> listeners) {
        this.resolve = resolve;
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public String name() {
        return "watch";
    }

    /** Resolves the watch list again (cached resolutions are cheap; stale ones ask RIPEstat). */
    @Override
    public void run() {
        List<Resolved> resolved = resolve.get();
        Snapshot next = Snapshot.of(resolved);
        current = next;
        listeners.forEach(l -> l.accept(next.prefixes()));
    }

    public Snapshot current() {
        return current;
    }
}
