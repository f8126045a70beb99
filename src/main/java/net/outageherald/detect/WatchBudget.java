package net.outageherald.detect;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import net.outageherald.model.Prefix;
import net.outageherald.model.Target;
import net.outageherald.store.Database;
import net.outageherald.store.TargetRecord;
import net.outageherald.store.TargetRepository;

/**
 * Whether one more target fits what this service watches: not more prefixes than
 * {@code max-prefixes-per-target} for it, and not past {@code max-watched-prefixes} for everything together.
 * A refusal says so with the numbers, so a chat user knows what to do instead.
 */
public final class WatchBudget {

    private final TargetResolver resolver;
    private final WatchList watch;
    private final Database db;
    private final DetectionConfig config;
    private final TargetRepository targets = new TargetRepository();

    public WatchBudget(TargetResolver resolver, WatchList watch, Database db, DetectionConfig config) {
        this.resolver = resolver;
        this.watch = watch;
        this.db = db;
        this.config = config;
    }

    /** Empty when {@code target} may be followed; else why not, in words for the chat. */
    public Optional<String> refusal(Target target) {
        Resolved r = resolver.resolve(target);
        if (r.refusal() != null) {
            return Optional.of(r.refusal());
        }
        Set<Prefix> watched = new HashSet<>();
        boolean already = false;
        for (Target t : watch.targets()) {
            already |= t.key().equals(target.key());
            db.inTransaction(tx -> targets.find(tx, t.key())).map(TargetRecord::prefixes).ifPresent(watched::addAll);
        }
        if (already) {
            return Optional.empty();
        }
        long added = r.prefixes().stream().filter(p -> !watched.contains(p)).count();
        if (watched.size() + added <= config.maxWatchedPrefixes()) {
            return Optional.empty();
        }
        return Optional.of(String.format(java.util.Locale.ROOT, "following %s would add %,d prefixes to the %,d"
                        + " this service already watches, past its limit of %,d (detection.max-watched-prefixes);"
                        + " ask its operator, or follow something smaller", target.label(), added, watched.size(),
                config.maxWatchedPrefixes()));
    }
}
