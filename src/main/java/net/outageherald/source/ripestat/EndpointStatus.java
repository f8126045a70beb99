package net.outageherald.source.ripestat;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A read-only snapshot of one RIPEstat data call's health, for metrics and the health endpoint.
 *
 * @param endpoint            data call name, e.g. {@code looking-glass}
 * @param failingSince        when the current run of failures began; empty while healthy
 * @param consecutiveFailures failed calls since the last success
 * @param lastError           the reason and text of the last failure; kept after recovery for diagnosis
 * @param backingOffUntil     calls fail fast until then; empty while healthy
 */
public record EndpointStatus(String endpoint, Optional<Instant> failingSince, int consecutiveFailures,
                             Optional<String> lastError, Optional<Instant> backingOffUntil) {

    public EndpointStatus {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(failingSince, "failingSince");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(backingOffUntil, "backingOffUntil");
    }

    public boolean healthy() {
        return consecutiveFailures == 0;
    }
}
