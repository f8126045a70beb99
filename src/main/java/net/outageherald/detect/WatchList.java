package net.outageherald.detect;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import net.outageherald.model.Target;
import net.outageherald.model.TargetParser;
import net.outageherald.store.Database;
import net.outageherald.store.TargetRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The targets to watch now: the config's, then those that chats follow, then those whose outage is still
 * open. A target whose last follower left mid-outage is watched until its restoration can be told, so
 * whoever hears of it later is never told of an outage long over.
 */
public final class WatchList {

    private static final Logger LOG = LoggerFactory.getLogger(WatchList.class);

    private final List<Target> configured;
    private final Supplier<? extends Collection<String>> followed;
    private final Database db;
    private final TargetRepository targets = new TargetRepository();
    private final TargetParser parser = new TargetParser();

    /**
     * @param configured the config's targets, its static subscriptions' included, in order
     * @param followed   the keys of every target some chat follows now
     */
    public WatchList(List<Target> configured, Supplier<? extends Collection<String>> followed, Database db) {
        this.configured = List.copyOf(configured);
        this.followed = followed;
        this.db = db;
    }

    /** Each target once, the config's first. */
    public List<Target> targets() {
        Map<String, Target> all = new LinkedHashMap<>();
        configured.forEach(t -> all.putIfAbsent(t.key(), t));
        List<String> keys = new ArrayList<>(followed.get());
        keys.addAll(db.inTransaction(targets::withOpenOutage));
        for (String key : keys) {
            if (all.containsKey(key)) {
                continue;
            }
            try {
                Target t = parser.parse(key);
                all.putIfAbsent(t.key(), t);
            } catch (RuntimeException e) {
                LOG.warn("ignoring a subscription to '{}': {}", key, e.getMessage());
            }
        }
        return List.copyOf(all.values());
    }
}
