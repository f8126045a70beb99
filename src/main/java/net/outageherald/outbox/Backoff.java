package net.outageherald.outbox;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * When to try again after a retryable failure: the platform's own retry-after when it gave one, else
 * capped exponential backoff with jitter (half fixed, half random), so a thousand destinations that
 * failed together do not come back together.
 */
public final class Backoff {

    private final Duration base;
    private final Duration cap;
    private final DoubleSupplier random;

    public Backoff(Duration base, Duration cap, DoubleSupplier random) {
        this.base = base;
        this.cap = cap;
        this.random = random;
    }

    /** The wait after the {@code attempt}-th failure (1 for the first). */
    public Duration delay(int attempt, Duration retryAfter) {
        if (retryAfter != null && !retryAfter.isNegative()) {
            return retryAfter;
        }
        int doublings = Math.min(Math.max(attempt - 1, 0), 30);
        long exp = base.toMillis() << doublings;
        long ceiling = Math.min(cap.toMillis(), exp < 0 ? Long.MAX_VALUE : exp);
        long half = ceiling / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (ceiling - half)));
    }
}
