package net.outageherald.app;

import java.time.Clock;
import net.outageherald.detect.CheckResult;
import net.outageherald.model.Target;
import net.outageherald.store.Database;

/**
 * What {@code check TARGET} needs and nothing more: the database (for learned baselines), RIPEstat and
 * the live checker. No chat bot, delivery, schedule or endpoint is built.
 */
final class OneShotCheck implements AutoCloseable {

    private final Database db;
    private final RoutingServices routing;

    OneShotCheck(HeraldConfig config, Clock clock) {
        this.db = App.openDatabase(config.database());
        this.routing = new RoutingServices(config, db, clock);
    }

    CheckResult check(Target target) throws InterruptedException {
        return routing.checker.check(target);
    }

    @Override
    public void close() {
        routing.closeNow();
        db.close();
    }
}
