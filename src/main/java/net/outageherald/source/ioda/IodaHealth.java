package net.outageherald.source.ioda;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import net.outageherald.source.SourceUnavailableException;
import net.outageherald.source.SourceUnavailableException.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The failure state of one IODA client (a small circuit breaker): after a failed call IODA is left alone for
 * {@code failure-backoff}, doubled per consecutive failure up to {@code failure-backoff-max}, and calls fail
 * fast with {@link Reason#BACKING_OFF} meanwhile. One success resets it. The start of a failure run and the
 * recovery are logged once each at WARN/INFO, every further failure at DEBUG only.
 */
final class IodaHealth {

    private static final Logger LOG = LoggerFactory.getLogger(IodaHealth.class);

    private final Clock clock;
    private final Duration backoff;
    private final Duration backoffMax;

    private Instant failingSince;
    private int consecutiveFailures;
    private String lastError;
    private Instant backingOffUntil;

    IodaHealth(Clock clock, Duration backoff, Duration backoffMax) {
        this.clock = clock;
        this.backoff = backoff;
        this.backoffMax = backoffMax;
    }

    /** A snapshot for the health endpoint: empty while healthy. */
    record Failing(Instant since, int consecutiveFailures, String lastError, Instant backingOffUntil) {
    }

    synchronized void checkAvailable(String endpoint) throws SourceUnavailableException {
        if (backingOffUntil != null && clock.instant().isBefore(backingOffUntil)) {
            throw new SourceUnavailableException(endpoint, Reason.BACKING_OFF, "IODA is left alone until "
                    + backingOffUntil + " after " + consecutiveFailures + " failed call(s); last: " + lastError);
        }
    }

    synchronized void recordSuccess() {
        if (consecutiveFailures > 0) {
            LOG.info("IODA recovered after {} failed call(s) since {}", consecutiveFailures, failingSince);
        }
        consecutiveFailures = 0;
        failingSince = null;
        backingOffUntil = null;
        lastError = null;
    }

    synchronized void recordFailure(SourceUnavailableException failure) {
        Instant now = clock.instant();
        lastError = failure.reason() + ": " + failure.getMessage();
        if (backingOffUntil != null && now.isBefore(backingOffUntil)) {
            // a call already under way when another one failed: the same outage of IODA, no extra doubling
            return;
        }
        consecutiveFailures++;
        Duration wait = backoffFor(consecutiveFailures);
        backingOffUntil = now.plus(wait);
        if (consecutiveFailures == 1) {
            failingSince = now;
            LOG.warn("IODA is failing ({}); its signals count as unknown, and it is left alone for {}, longer "
                    + "while it keeps failing", lastError, wait);
        } else {
            LOG.debug("IODA still failing ({} calls): {}; next try after {}", consecutiveFailures, lastError,
                    backingOffUntil);
        }
    }

    synchronized Optional<Failing> failing() {
        return consecutiveFailures == 0 ? Optional.empty()
                : Optional.of(new Failing(failingSince, consecutiveFailures, lastError, backingOffUntil));
    }

    private Duration backoffFor(int failures) {
        // doubling stops once past the cap; the shift is bounded so it cannot overflow
        Duration wait = backoff.multipliedBy(1L << Math.min(failures - 1, 30));
        return wait.compareTo(backoffMax) > 0 ? backoffMax : wait;
    }
}
