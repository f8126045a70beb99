package net.outageherald.detect;

import java.time.Instant;
import net.outageherald.model.Status;

/**
 * The result of one live check of a target.
 *
 * @param resolved   the target and its prefixes
 * @param status     what the check found
 * @param evaluation the facts behind it
 * @param observed   prefixes observed
 * @param failed     prefixes whose observation failed
 * @param reason     why the status is UNKNOWN, or null
 * @param at         when
 * @param live       false when a recent poll's state was reused instead of asking the source again
 */
public record CheckResult(Resolved resolved, Status status, Evaluation evaluation, int observed, int failed,
                          String reason, Instant at, boolean live) {

    /** Exit codes of monitoring plugins: 0 up, 1 partial, 2 down, 3 unknown. */
    public int exitCode() {
        return switch (status) {
            case UP -> 0;
            case PARTIAL -> 1;
            case DOWN -> 2;
            case UNKNOWN -> 3;
        };
    }
}
