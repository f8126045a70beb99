package net.outageherald.detect;

import java.time.Duration;

/**
 * Spaces the requests of one poll round over the poll interval so a target with many prefixes does not
 * burst. Tests use {@link #NONE}.
 */
@FunctionalInterface
public interface Pacer {

    Pacer NONE = gap -> { };

    /** Waits {@code gap} before the next request is started. */
    void pause(Duration gap) throws InterruptedException;

    /** The real one: sleeps. */
    static Pacer sleeping() {
        return gap -> {
            if (!gap.isZero() && !gap.isNegative()) {
                Thread.sleep(gap.toMillis());
            }
        };
    }
}
