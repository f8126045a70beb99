package net.outageherald.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import net.outageherald.model.Destination;
import net.outageherald.outbox.NotifyConfig.PlatformLimits;
import net.outageherald.outbox.NotifyConfig.Rate;

/**
 * One platform's rate limits: a global bucket and one bucket per destination (the destinations that the
 * platform's {@link ChatKinds} calls groups get the group rate, the others the chat rate). A message goes
 * only when both have a token; otherwise the caller learns how long to wait and which limit it is, and
 * nothing is taken.
 */
public final class RateLimiter {

    /** The answer to a request for a permit. */
    public record Permit(Duration delay, boolean global) {
        static final Permit GRANTED = new Permit(Duration.ZERO, false);

        boolean granted() {
            return delay.isZero();
        }
    }

    private static final int SWEEP_ABOVE = 10_000;

    private final PlatformLimits limits;
    private final ChatKinds chatKinds;
    private final TimeMeter time;
    private final Bucket global;
    private final Map<Destination, Bucket> perDestination = new HashMap<>();

    /** {@code chatKinds} is the platform's own rule, e.g. Telegram's; {@link ChatKinds#NO_GROUPS} if it has none. */
    public RateLimiter(PlatformLimits limits, ChatKinds chatKinds, Clock clock) {
        this.limits = limits;
        this.chatKinds = chatKinds;
        this.time = new ClockTimeMeter(clock);
        this.global = bucket(limits.global());
    }

    /** Takes a permit for one message to {@code to} now, or says how long until one is free. */
    public synchronized Permit tryAcquire(Destination to) {
        Bucket own = perDestination.computeIfAbsent(to, d -> bucket(rateFor(d)));
        long ownWait = own == null ? 0 : own.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        if (ownWait > 0) {
            return new Permit(Duration.ofNanos(ownWait), false);
        }
        long globalWait = global == null ? 0 : global.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        if (globalWait > 0) {
            return new Permit(Duration.ofNanos(globalWait), true);
        }
        if (own != null) {
            own.tryConsume(1);
        }
        if (global != null) {
            global.tryConsume(1);
        }
        if (perDestination.size() > SWEEP_ABOVE) {
            sweep();
        }
        return Permit.GRANTED;
    }

    private Rate rateFor(Destination d) {
        return chatKinds.isGroup(d) ? limits.perGroup() : limits.perChat();
    }

    /** Forgets destinations whose bucket is full again: a new bucket starts full, so nothing changes. */
    private void sweep() {
        perDestination.entrySet().removeIf(e -> e.getValue() == null
                || e.getValue().getAvailableTokens() >= rateFor(e.getKey()).permits());
    }

    private Bucket bucket(Rate rate) {
        if (rate == null) {
            return null;
        }
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(rate.permits()).refillGreedy(rate.permits(), rate.period()).build())
                .withCustomTimePrecision(time)
                .build();
    }
}
