package net.outageherald.command;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import net.outageherald.model.Platform;

/**
 * How many commands one person may send on one platform: {@code permits} per {@code window}, all of them
 * back when the window is over. Past that, the first command gets a polite reply and the rest are dropped
 * unanswered until the window passes. Front-ends ask before they queue any work, so a flood costs one
 * map lookup per message and never grows a queue.
 */
public final class CommandRateLimit {

    /** What to do with a command. */
    public enum Verdict {
        /** Within the limit: answer it. */
        ANSWER,
        /** The first one over the limit: answer with {@link #slowDown()} instead. */
        WARN,
        /** Over the limit and already told: no answer at all. */
        DROP
    }

    public static final int DEFAULT_PERMITS = 10;
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(1);
    private static final int SWEEP_ABOVE = 10_000;

    private record Sender(Bucket bucket, Instant warnedUntil) {
    }

    private final Clock clock;
    private final TimeMeter time;
    private final int permits;
    private final Duration window;
    private final Map<String, Sender> senders = new HashMap<>();
    private int sweepAt = SWEEP_ABOVE;

    /** {@value #DEFAULT_PERMITS} commands a minute per person and platform. */
    public CommandRateLimit(Clock clock) {
        this(clock, DEFAULT_PERMITS, DEFAULT_WINDOW);
    }

    public CommandRateLimit(Clock clock, int permits, Duration window) {
        if (permits < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("need at least 1 command per positive window, got " + permits + " per " + window);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.time = new ClockTime(clock);
        this.permits = permits;
        this.window = window;
    }

    /** Takes a permit for one command of {@code sender} (the platform's user id) if there is one. */
    public synchronized Verdict check(Platform platform, String sender) {
        String key = platform.id() + ":" + sender;
        Sender s = senders.get(key);
        if (s == null) {
            sweepIfLarge();
            s = new Sender(bucket(), null);
            senders.put(key, s);
        }
        if (s.bucket().tryConsume(1)) {
            if (s.warnedUntil() != null) {
                senders.put(key, new Sender(s.bucket(), null));
            }
            return Verdict.ANSWER;
        }
        Instant now = clock.instant();
        if (s.warnedUntil() != null && now.isBefore(s.warnedUntil())) {
            return Verdict.DROP;
        }
        long wait = s.bucket().estimateAbilityToConsume(1).getNanosToWaitForRefill();
        senders.put(key, new Sender(s.bucket(), now.plusNanos(Math.max(1, wait))));
        return Verdict.WARN;
    }

    /** The one reply someone over the limit gets. */
    public static Reply slowDown() {
        return Reply.error("Too many commands", "You're sending commands quickly; try again in a minute.");
    }

    /**
     * Forgets people whose window is over: a new bucket starts full, so nothing changes for them. The next
     * sweep waits until the map has doubled, so a crowd of new senders costs constant time each.
     */
    private void sweepIfLarge() {
        if (senders.size() >= sweepAt) {
            Instant now = clock.instant();
            senders.values().removeIf(s -> s.bucket().getAvailableTokens() >= permits
                    && (s.warnedUntil() == null || !now.isBefore(s.warnedUntil())));
            sweepAt = Math.max(SWEEP_ABOVE, senders.size() * 2);
        }
    }

    private Bucket bucket() {
        // all permits come back at once when the window ends: "try again in a minute" is then true
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(permits).refillIntervally(permits, window).build())
                .withCustomTimePrecision(time)
                .build();
    }

    /** Bucket4j's time from our clock, so tests move it by hand. */
    private record ClockTime(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
