package net.outageherald.source.ripestat;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;

/**
 * The resilience4j {@link Retry} for RIPEstat calls: retry what {@link AttemptException} calls retryable, wait
 * exponentially longer with jitter (so parallel pollers do not retry in step), never longer than the cap, and
 * as long as a 429's Retry-After asks within that cap.
 *
 * <p>The client drives it through {@link Retry#asyncContext()}, which only computes delays: the waiting itself
 * goes through our {@link Sleeper}, because resilience4j's synchronous path sleeps through a static, global hook.
 */
final class RetryPolicy {

    /** Spread of each delay around its nominal value: 0.5 means 50%..150%. */
    private static final double JITTER = 0.5;

    private RetryPolicy() {
    }

    static Retry create(String name, RipeStatConfig settings) {
        IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(settings.retryBackoff(), 2.0,
                JITTER, settings.retryBackoffMax());
        long maxMillis = settings.retryBackoffMax().toMillis();
        IntervalBiFunction<Object> interval = (attempt, outcome) -> {
            Duration asked = outcome.isLeft() && outcome.getLeft() instanceof AttemptException failure
                    ? failure.retryAfter().orElse(null) : null;
            long millis = asked != null ? asked.toMillis() : backoff.apply(attempt);
            return Math.max(0, Math.min(millis, maxMillis));
        };
        RetryConfig config = RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .retryOnException(e -> e instanceof AttemptException failure && failure.retryable())
                .intervalBiFunction(interval)
                .build();
        return Retry.of(name, config);
    }
}
