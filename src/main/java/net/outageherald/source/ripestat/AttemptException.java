package net.outageherald.source.ripestat;

import java.time.Duration;
import java.util.Optional;
import net.outageherald.source.SourceUnavailableException;
import net.outageherald.source.SourceUnavailableException.Reason;

/**
 * One failed attempt at a data call, classified. The classification is the whole retry policy:
 *
 * <pre>
 * what happened                         retried   blames the endpoint   reason
 * 429 Too Many Requests                 yes (*)   yes                   RATE_LIMITED
 * 5xx                                   yes       yes                   HTTP_ERROR
 * timeout (connect, read, whole call)   yes       yes                   TIMEOUT
 * other I/O error (refused, reset)      yes       yes                   IO_ERROR
 * 2xx with invalid JSON                 no        no (**)               MALFORMED
 * error envelope, status_code not 4xx   no        yes                   ERROR_ENVELOPE
 * error envelope with a 4xx status_code no        no                    ERROR_ENVELOPE
 * other 4xx                             no        no                    HTTP_ERROR
 * our own request budget exhausted      no        no                    RATE_LIMITED
 * (*) after Retry-After seconds when given, capped like any other delay
 * (**) one resource's trouble: only unreadable answers for several different resources in a row
 *      ({@link EndpointHealth#recordUnreadable}) put the data call into backoff
 * </pre>
 *
 * "Blames the endpoint" decides whether the data call as a whole backs off: a request RIPEstat rejects as bad
 * (a 4xx), or one answer we cannot read, says nothing about whether the endpoint works for the other resources
 * we poll, so one bad prefix must not leave every target without observations.
 */
final class AttemptException extends Exception {

    private final Reason reason;
    private final boolean retryable;
    private final boolean blamesEndpoint;
    private final boolean unreadable;
    private final Duration retryAfter;

    private AttemptException(Reason reason, String detail, boolean retryable, boolean blamesEndpoint,
                             Duration retryAfter, Throwable cause) {
        this(reason, detail, retryable, blamesEndpoint, false, retryAfter, cause);
    }

    private AttemptException(Reason reason, String detail, boolean retryable, boolean blamesEndpoint,
                             boolean unreadable, Duration retryAfter, Throwable cause) {
        super(detail, cause);
        this.reason = reason;
        this.retryable = retryable;
        this.blamesEndpoint = blamesEndpoint;
        this.unreadable = unreadable;
        this.retryAfter = retryAfter;
    }

    /** Timeouts, I/O errors, 5xx: the next attempt may well succeed. */
    static AttemptException transientFailure(Reason reason, String detail, Throwable cause) {
        return new AttemptException(reason, detail, true, true, null, cause);
    }

    static AttemptException rateLimited(String detail, Duration retryAfter) {
        return new AttemptException(Reason.RATE_LIMITED, detail, true, true, retryAfter, null);
    }

    /** RIPEstat answered, but with something we cannot use; asking again would give the same. */
    static AttemptException badAnswer(Reason reason, String detail, Throwable cause) {
        return new AttemptException(reason, detail, false, true, null, cause);
    }

    /**
     * An answer for one resource we cannot read at all (not JSON, not an object): that resource is unknown this
     * time, and the endpoint is blamed only when it happens for several resources in a row.
     */
    static AttemptException unreadable(Reason reason, String detail, Throwable cause) {
        return new AttemptException(reason, detail, false, false, true, null, cause);
    }

    /** RIPEstat says our request was wrong (4xx): not its fault, not worth repeating. */
    static AttemptException rejected(Reason reason, String detail) {
        return new AttemptException(reason, detail, false, false, null, null);
    }

    static AttemptException budgetExhausted(String detail) {
        return new AttemptException(Reason.RATE_LIMITED, detail, false, false, null, null);
    }

    Reason reason() {
        return reason;
    }

    boolean retryable() {
        return retryable;
    }

    boolean blamesEndpoint() {
        return blamesEndpoint;
    }

    boolean unreadable() {
        return unreadable;
    }

    Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    SourceUnavailableException toSourceUnavailable(String endpoint, int attempts) {
        String detail = attempts > 1 ? getMessage() + " (after " + attempts + " attempts)" : getMessage();
        return new SourceUnavailableException(endpoint, reason, detail, this);
    }
}
