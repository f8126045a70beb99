package net.outageherald.source.ripestat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import net.outageherald.source.SourceUnavailableException;
import net.outageherald.source.SourceUnavailableException.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failure state of one data call (a small circuit breaker): after a failed call it is left alone for a while,
 * doubling per consecutive failure up to a cap, and its calls fail fast meanwhile. One success resets it.
 * An unreadable answer for one resource is that resource's trouble; only unreadable answers for
 * {@value #UNREADABLE_RESOURCES} different resources in a row count as a failure of the call.
 * It logs the start of a failure run and the recovery once each, not every failed attempt.
 */
final class EndpointHealth {

    private static final Logger LOG = LoggerFactory.getLogger(EndpointHealth.class);
    /** Unreadable answers for this many different resources, with no success between, are the endpoint's. */
    static final int UNREADABLE_RESOURCES = 3;

    private final String endpoint;
    private final Clock clock;
    private final Duration backoff;
    private final Duration backoffMax;

    private Instant failingSince;
    private int consecutiveFailures;
    private String lastError;
    private Instant backingOffUntil;
    /** Resources whose answers were unreadable since the last success. */
    private final Set<String> unreadable = new LinkedHashSet<>();

    EndpointHealth(String endpoint, Clock clock, Duration backoff, Duration backoffMax) {
        this.endpoint = endpoint;
        this.clock = clock;
        this.backoff = backoff;
        this.backoffMax = backoffMax;
    }

    /** Throws {@link Reason#BACKING_OFF} while the endpoint is being left alone. */
    synchronized void checkAvailable() throws SourceUnavailableException {
        if (backingOffUntil != null && clock.instant().isBefore(backingOffUntil)) {
            throw new SourceUnavailableException(endpoint, Reason.BACKING_OFF, "backing off until "
                    + backingOffUntil + " after " + consecutiveFailures + " failed call(s); last: " + lastError);
        }
    }

    synchronized void recordSuccess() {
        if (consecutiveFailures > 0) {
            LOG.info("RIPEstat {} recovered after {} failed call(s) since {}", endpoint, consecutiveFailures,
                    failingSince);
        }
        consecutiveFailures = 0;
        failingSince = null;
        backingOffUntil = null;
        unreadable.clear();
    }

    /**
     * The answer for one resource could not be read. That resource is unknown this time and the others go on;
     * when the answers for several different resources in a row are unreadable, the endpoint is what is broken.
     */
    synchronized void recordUnreadable(String resource, SourceUnavailableException failure) {
        unreadable.add(resource);
        if (unreadable.size() < UNREADABLE_RESOURCES) {
            return;
        }
        String last = String.join(", ", unreadable);
        unreadable.clear();
        recordFailure(new SourceUnavailableException(endpoint, failure.reason(), "unreadable answers for "
                + UNREADABLE_RESOURCES + " different resources in a row (" + last + "); last: "
                + detail(failure)));
    }

    synchronized void recordFailure(SourceUnavailableException failure) {
        Instant now = clock.instant();
        lastError = failure.reason() + ": " + detail(failure);
        if (backingOffUntil != null && now.isBefore(backingOffUntil)) {
            // a call that was already under way when another one failed: same outage, no extra doubling
            return;
        }
        consecutiveFailures++;
        Duration wait = backoffFor(consecutiveFailures);
        backingOffUntil = now.plus(wait);
        if (consecutiveFailures == 1) {
            failingSince = now;
            LOG.warn("RIPEstat {} is failing ({}); leaving it alone for {}, longer while it keeps failing",
                    endpoint, lastError, wait);
        } else {
            LOG.debug("RIPEstat {} still failing ({} calls): {}; next try after {}", endpoint,
                    consecutiveFailures, lastError, backingOffUntil);
        }
    }

    synchronized EndpointStatus status() {
        return new EndpointStatus(endpoint, Optional.ofNullable(failingSince), consecutiveFailures,
                Optional.ofNullable(lastError), Optional.ofNullable(backingOffUntil));
    }

    /** The exception's message without the endpoint name it starts with, which the log line already says. */
    private String detail(SourceUnavailableException failure) {
        String message = failure.getMessage();
        return message.startsWith(endpoint + ": ") ? message.substring(endpoint.length() + 2) : message;
    }

    private Duration backoffFor(int failures) {
        // doubling stops once past the cap; the shift is bounded so it cannot overflow
        Duration wait = backoff.multipliedBy(1L << Math.min(failures - 1, 30));
        return wait.compareTo(backoffMax) > 0 ? backoffMax : wait;
    }
}
