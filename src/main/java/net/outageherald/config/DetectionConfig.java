package net.outageherald.config;

import java.time.Duration;

/** Placeholder until the config branch lands: same fields and defaults. */
public record DetectionConfig(Duration pollInterval, int confirmAfter, Duration confirmMinDuration, Duration unknownAfter,
                              double darkEnterFraction, double darkLeaveFraction, double partialFraction,
                              double downFraction, double baselineAlpha, int minBaselinePeers,
                              Duration resolveInterval, Duration keepPrefixesFor, int maxPrefixesPerTarget,
                              boolean spreadPolls) {
    public static DetectionConfig defaults() {
        return new DetectionConfig(Duration.ofMinutes(1), 3, Duration.ZERO, Duration.ofMinutes(10), 0.25, 0.5, 0.02,
                0.95, 0.2, 3, Duration.ofHours(6), Duration.ofDays(7), 1000, true);
    }
}
