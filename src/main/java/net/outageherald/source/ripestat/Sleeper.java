package net.outageherald.source.ripestat;

import java.time.Duration;

/** Waits between retries and for request tokens; a seam so tests neither sleep nor depend on timing. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    /** The real thing: blocks the calling thread. */
    static Sleeper threadSleep() {
        return duration -> {
            if (!duration.isNegative() && !duration.isZero()) {
                Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
            }
        };
    }
}
