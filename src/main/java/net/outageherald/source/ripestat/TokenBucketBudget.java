package net.outageherald.source.ripestat;

import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A {@link RequestBudget} of so many requests per minute (bucket4j, greedy refill: tokens trickle back
 * continuously rather than all at the minute mark). The bucket reads time from the injected {@link Clock} and
 * waits through the injected {@link Sleeper}, so tests can drive it without real time passing.
 */
public final class TokenBucketBudget implements RequestBudget {

    /** Long enough to ride out a burst at start-up, short enough that a poll round notices it is over budget. */
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(30);

    private final Bucket bucket;
    private final Duration maxWait;
    private final BlockingStrategy blocking;

    public TokenBucketBudget(int requestsPerMinute, Clock clock) {
        this(requestsPerMinute, DEFAULT_MAX_WAIT, clock, Sleeper.threadSleep());
    }

    public TokenBucketBudget(int requestsPerMinute, Duration maxWait, Clock clock, Sleeper sleeper) {
        if (requestsPerMinute < 1) {
            throw new IllegalArgumentException("requestsPerMinute must be at least 1");
        }
        this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
        Objects.requireNonNull(sleeper, "sleeper");
        this.blocking = nanos -> sleeper.sleep(Duration.ofNanos(nanos));
        this.bucket = Bucket.builder()
                .addLimit(limit -> limit.capacity(requestsPerMinute)
                        .refillGreedy(requestsPerMinute, Duration.ofMinutes(1)))
                .withCustomTimePrecision(clockMeter(Objects.requireNonNull(clock, "clock")))
                .build();
    }

    @Override
    public boolean acquire() throws InterruptedException {
        // bucket4j reserves the token first and then parks for the time it computed, so a token
        // promised here is never handed to someone else meanwhile
        return bucket.asBlocking().tryConsume(1, maxWait, blocking);
    }

    @Override
    public boolean tryAcquire() {
        return bucket.tryConsume(1);
    }

    /** Tokens available now, for metrics. */
    public long availableTokens() {
        return bucket.getAvailableTokens();
    }

    private static TimeMeter clockMeter(Clock clock) {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }
}
