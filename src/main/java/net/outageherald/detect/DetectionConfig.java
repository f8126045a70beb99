package net.outageherald.detect;

import java.time.Duration;
import net.outageherald.config.Checks;
import net.outageherald.config.ConfigNode;
import net.outageherald.config.Scalars;

/**
 * How the detector decides: how often targets are polled, how much evidence confirms a change of
 * status, and the visibility thresholds between up, partial, down and dark. All debounce settings
 * live here, with their defaults in {@link #defaults()}.
 */
public record DetectionConfig(
        Duration pollInterval,
        int confirmAfter,
        Duration confirmFor,
        Duration unknownAfter,
        double darkEnterFraction,
        double darkLeaveFraction,
        double partialFraction,
        int partialMinPrefixes,
        double downFraction,
        double baselineAlpha,
        int minBaselinePeers,
        Duration resolveInterval,
        Duration keepPrefixesFor,
        Duration currentWithin,
        int maxPrefixesPerTarget,
        int maxWatchedPrefixes,
        Duration historyKeep,
        boolean spreadPolls,
        int suspectAfter) {

    // faster polls would only spend the RIPEstat request budget on data that has not changed
    private static final Duration MIN_POLL = Duration.ofSeconds(1);
    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final int MAX_CONFIRM = 100;
    private static final int MAX_PEERS = 1000;
    private static final int MAX_PREFIXES = 1_000_000;
    private static final int MAX_SUSPECT = 100_000;

    public DetectionConfig {
        Checks.range(pollInterval, MIN_POLL, DAY, "poll-interval");
        Checks.range(confirmAfter, 1, MAX_CONFIRM, "confirm-after");
        Checks.range(confirmFor, Duration.ZERO, DAY, "confirm-for");
        Checks.range(unknownAfter, Duration.ofSeconds(1), Duration.ofDays(7), "unknown-after");
        Checks.range(darkEnterFraction, 0, 1, "dark-enter-fraction");
        Checks.range(darkLeaveFraction, 0, 1, "dark-leave-fraction");
        Checks.range(partialFraction, 0, 1, "partial-fraction");
        Checks.range(partialMinPrefixes, 1, MAX_PREFIXES, "partial-min-prefixes");
        Checks.range(downFraction, 0, 1, "down-fraction");
        Checks.range(baselineAlpha, 0, 1, "baseline-alpha");
        Checks.that(baselineAlpha > 0, "baseline-alpha must be above 0");
        Checks.that(darkLeaveFraction >= darkEnterFraction, "dark-leave-fraction must be at least dark-enter-fraction");
        Checks.that(downFraction > partialFraction, "down-fraction must be above partial-fraction");
        Checks.range(minBaselinePeers, 1, MAX_PEERS, "min-baseline-peers");
        Checks.range(resolveInterval, MINUTE, Duration.ofDays(30), "resolve-interval");
        Checks.range(keepPrefixesFor, Duration.ZERO, Duration.ofDays(365), "keep-prefixes-for");
        Checks.range(currentWithin, Duration.ofHours(1), Duration.ofDays(365), "current-within");
        Checks.range(maxPrefixesPerTarget, 1, MAX_PREFIXES, "max-prefixes-per-target");
        Checks.range(maxWatchedPrefixes, 1, MAX_PREFIXES, "max-watched-prefixes");
        Checks.range(historyKeep, Duration.ofHours(1), Duration.ofDays(366), "history-keep");
        Checks.range(suspectAfter, 0, MAX_SUSPECT, "suspect-after");
        Checks.that(suspectAfter != 1, "suspect-after must be 0 (off) or at least 2");
    }

    /** The one place the detection defaults are written down; config/herald.yaml repeats them. */
    public static DetectionConfig defaults() {
        return new DetectionConfig(Duration.ofMinutes(1), 3, Duration.ofSeconds(60), Duration.ofMinutes(10),
                0.25, 0.5, 0.1, 2, 0.95, 0.2, 3, Duration.ofHours(6), Duration.ofDays(7),
                Duration.ofHours(28), 1000, 10_000, Duration.ofDays(14), true, 3);
    }

    /** Binds the {@code detection:} section. */
    public static DetectionConfig from(ConfigNode n) {
        DetectionConfig d = defaults();
        Duration pollInterval = n.duration("poll-interval", d.pollInterval, MIN_POLL, DAY);
        int confirmAfter = n.integer("confirm-after", d.confirmAfter, 1, MAX_CONFIRM);
        Duration confirmFor = n.duration("confirm-for", d.confirmFor, Duration.ZERO, DAY);
        Duration unknownAfter = n.duration("unknown-after", d.unknownAfter, Duration.ofSeconds(1), Duration.ofDays(7));
        double darkEnter = n.decimal("dark-enter-fraction", d.darkEnterFraction, 0, 1);
        double darkLeave = n.decimal("dark-leave-fraction", d.darkLeaveFraction, 0, 1);
        double partial = n.decimal("partial-fraction", d.partialFraction, 0, 1);
        int partialMin = n.integer("partial-min-prefixes", d.partialMinPrefixes, 1, MAX_PREFIXES);
        double down = n.decimal("down-fraction", d.downFraction, 0, 1);
        double alpha = n.decimal("baseline-alpha", d.baselineAlpha, 0, 1);
        int minBaselinePeers = n.integer("min-baseline-peers", d.minBaselinePeers, 1, MAX_PEERS);
        Duration resolveInterval = n.duration("resolve-interval", d.resolveInterval, MINUTE, Duration.ofDays(30));
        Duration keepPrefixesFor = n.duration("keep-prefixes-for", d.keepPrefixesFor, Duration.ZERO, Duration.ofDays(365));
        Duration currentWithin = n.duration("current-within", d.currentWithin, Duration.ofHours(1), Duration.ofDays(365));
        int maxPrefixes = n.integer("max-prefixes-per-target", d.maxPrefixesPerTarget, 1, MAX_PREFIXES);
        int maxWatched = n.integer("max-watched-prefixes", d.maxWatchedPrefixes, 1, MAX_PREFIXES);
        Duration historyKeep = n.duration("history-keep", d.historyKeep, Duration.ofHours(1), Duration.ofDays(366));
        boolean spreadPolls = n.bool("spread-polls", d.spreadPolls);
        int suspectAfter = n.integer("suspect-after", d.suspectAfter, 0, MAX_SUSPECT);

        n.check(alpha > 0, "baseline-alpha", "0 would never learn; use a value above 0, up to 1");
        n.check(darkLeave >= darkEnter, "dark-leave-fraction", Scalars.plain(darkLeave)
                + " is below dark-enter-fraction (" + Scalars.plain(darkEnter) + "); it must be at least that,"
                + " or a target would flap in and out of dark");
        n.check(down > partial, "down-fraction", Scalars.plain(down) + " must be above partial-fraction ("
                + Scalars.plain(partial) + ")");
        n.check(suspectAfter != 1, "suspect-after", "1 would hold back every outage as the source's fault; use 0"
                + " (off) or 2 and more");
        return n.build(() -> new DetectionConfig(pollInterval, confirmAfter, confirmFor, unknownAfter,
                darkEnter, darkLeave, partial, partialMin, down, alpha, minBaselinePeers, resolveInterval, keepPrefixesFor,
                currentWithin, maxPrefixes, maxWatched, historyKeep, spreadPolls, suspectAfter));
    }
}
