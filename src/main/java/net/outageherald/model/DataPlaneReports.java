package net.outageherald.model;

import java.time.Instant;
import java.util.Optional;

/**
 * Where message writing finds a {@link DataPlaneReport} for a target. It must answer from memory at once and
 * never throw: a slow or failing source must not delay or block any message, so "nothing fresh" is empty.
 */
@FunctionalInterface
public interface DataPlaneReports {

    /** No second source: every message is written from our own data alone. */
    DataPlaneReports NONE = (targetKey, outageStart) -> Optional.empty();

    /**
     * @param targetKey   the target's canonical key ("KP", "AS131279")
     * @param outageStart when the outage being told began, or null: what "usual" is measured against and since
     *                    when a recovery is looked for
     */
    Optional<DataPlaneReport> about(String targetKey, Instant outageStart);
}
