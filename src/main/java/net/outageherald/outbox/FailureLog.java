package net.outageherald.outbox;

import net.outageherald.model.Destination;
import net.outageherald.model.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a platform's retryable failures once per streak: the first at WARN, the rest at DEBUG, and one
 * line when sends succeed again. A platform that is down for an hour does not flood the log.
 */
final class FailureLog {

    private static final Logger LOG = LoggerFactory.getLogger(FailureLog.class);

    private final Platform platform;
    private long failures;

    FailureLog(Platform platform) {
        this.platform = platform;
    }

    synchronized void failed(Destination to, String reason) {
        if (failures++ == 0) {
            LOG.warn("{}: sending to {} failed ({}); retrying with backoff, further failures are logged at DEBUG"
                    + " until a send succeeds", platform.id(), to, reason);
        } else {
            LOG.debug("{}: sending to {} failed ({}), retrying", platform.id(), to, reason);
        }
    }

    synchronized void succeeded() {
        if (failures > 0) {
            LOG.info("{}: sends succeed again after {} failed attempts", platform.id(), failures);
            failures = 0;
        }
    }
}
