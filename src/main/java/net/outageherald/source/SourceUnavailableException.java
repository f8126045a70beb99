package net.outageherald.source;

/**
 * A source gave no usable observation. This is "unknown", never "down": callers keep the last state.
 */
public class SourceUnavailableException extends Exception {

    /** Why there is no observation; the log and the degraded notice name it. */
    public enum Reason {
        HTTP_ERROR, TIMEOUT, RATE_LIMITED, MALFORMED, ERROR_ENVELOPE, STALE, BACKING_OFF, IO_ERROR
    }

    private final String endpoint;
    private final Reason reason;

    public SourceUnavailableException(String endpoint, Reason reason, String detail) {
        super(endpoint + ": " + detail);
        this.endpoint = endpoint;
        this.reason = reason;
    }

    public SourceUnavailableException(String endpoint, Reason reason, String detail, Throwable cause) {
        super(endpoint + ": " + detail, cause);
        this.endpoint = endpoint;
        this.reason = reason;
    }

    public String endpoint() {
        return endpoint;
    }

    public Reason reason() {
        return reason;
    }
}
