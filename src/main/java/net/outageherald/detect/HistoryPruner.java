package net.outageherald.detect;

import java.time.Clock;
import java.time.Duration;
import net.outageherald.schedule.Job;
import net.outageherald.store.Database;
import net.outageherald.store.VisibilityRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes visibility samples older than {@code history-keep}; scheduled a few times a day. */
public final class HistoryPruner implements Job {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryPruner.class);
    /** How often the history is pruned. */
    public static final Duration EVERY = Duration.ofHours(6);

    private final Database db;
    private final Duration keep;
    private final Clock clock;
    private final VisibilityRepository history = new VisibilityRepository();

    public HistoryPruner(Database db, Duration keep, Clock clock) {
        this.db = db;
        this.keep = keep;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "history-prune";
    }

    @Override
    public void run() {
        int gone = db.inTransaction(tx -> history.prune(tx, clock.instant().minus(keep)));
        if (gone > 0) {
            LOG.debug("pruned {} visibility samples older than {}", gone, keep);
        }
    }
}
