package net.outageherald.source.ioda;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import net.outageherald.model.Status;
import net.outageherald.source.ioda.IodaCorroboration.Reading;

/**
 * Turns a country's IODA {@code bgp} signal (visible /24s) into our {@link Status} with IODA's own thresholds:
 * the newest value below 99 % of its 24-hour median is IODA's "warning" (our PARTIAL), below 50 % its
 * "critical" (our DOWN), otherwise UP. This is the signal that covers a large country at once, where polling
 * every prefix would be too much. Without a fresh value, or without a usual level to compare with, the answer
 * is UNKNOWN: a quiet or broken IODA must never look like an outage. Pure logic; the clock is injected.
 */
public final class IodaCountryJudge {

    /** Below this share of the usual level IODA raises a warning. */
    public static final double WARNING_BELOW = 0.99;
    /** Below this share IODA's alert is critical. */
    public static final double CRITICAL_BELOW = 0.5;
    /** A median over less history than this is not yet a usual level. */
    public static final Duration MIN_HISTORY = Duration.ofHours(1);

    private final Clock clock;
    private final Duration maxDataLag;

    /**
     * @param clock      now, for freshness
     * @param maxDataLag how far behind now the newest bin may end before the signal is stale
     *                   ({@link IodaConfig#maxDataLag()}, 30 min by default)
     */
    public IodaCountryJudge(Clock clock, Duration maxDataLag) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxDataLag = Objects.requireNonNull(maxDataLag, "maxDataLag");
    }

    /**
     * The status, the reading it rests on (when there is one) and why, in words for the log and the
     * "monitoring degraded" notice.
     */
    public record Verdict(Status status, Optional<Reading> reading, String reason) {
        public Verdict {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(reading, "reading");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Judges {@code entity} from whichever of {@code signals} is its {@code bgp} series with the newest value. */
    public Verdict judge(IodaEntity entity, List<IodaSignal> signals) {
        Optional<Reading> found = signals.stream()
                .filter(s -> s.entity().equals(entity) && s.datasource() == IodaDatasource.BGP)
                .map(IodaCorroboration::reading).flatMap(Optional::stream)
                .max(Comparator.comparing(Reading::time));
        if (found.isEmpty()) {
            return new Verdict(Status.UNKNOWN, Optional.empty(), "IODA has no BGP values for " + entity.path());
        }
        Reading r = found.get();
        Instant now = clock.instant();
        Duration lag = Duration.between(r.end(), now);
        if (lag.compareTo(maxDataLag) > 0) {
            return new Verdict(Status.UNKNOWN, found, "IODA's newest BGP value for " + entity.path() + " ends at "
                    + r.end() + ", " + lag.toMinutes() + " min ago (stale after " + maxDataLag.toMinutes() + " min)");
        }
        if (r.historyCovered().compareTo(MIN_HISTORY) < 0) {
            return new Verdict(Status.UNKNOWN, found, "IODA's BGP history for " + entity.path() + " covers only "
                    + r.historyCovered().toMinutes() + " min, too little for a usual level");
        }
        if (r.share().isEmpty()) {
            return new Verdict(Status.UNKNOWN, found, "IODA usually sees no /24s of " + entity.path()
                    + " in BGP: nothing to compare with");
        }
        double share = r.share().getAsDouble();
        if (share < CRITICAL_BELOW) {
            return new Verdict(Status.DOWN, found, r.describe() + " (critical: below 50 %)");
        }
        if (share < WARNING_BELOW) {
            return new Verdict(Status.PARTIAL, found, r.describe() + " (warning: below 99 %)");
        }
        return new Verdict(Status.UP, found, r.describe());
    }
}
