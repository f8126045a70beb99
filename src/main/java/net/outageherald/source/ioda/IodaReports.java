package net.outageherald.source.ioda;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import net.outageherald.model.DataPlaneReport;
import net.outageherald.source.ioda.IodaCorroboration.Reading;

/**
 * Turns an entity's latest IODA series into the {@link DataPlaneReport} a message quotes: one line per fresh
 * signal, measured against the 24 h before the outage began (so a long outage does not drag its own baseline
 * down; a signal without an hour of that history is not quoted), and for restorations when the data plane came
 * back. Only series whose newest
 * bin ends within {@code max-data-lag} count; with none, there is no report and the message has no IODA line.
 * Pure logic; the clock is injected.
 */
final class IodaReports {

    /** A bin at this share of its usual level or above is "back to usual"; probing counts wobble by a few %. */
    static final double BACK_TO_USUAL = 0.9;

    private final Clock clock;
    private final Duration maxDataLag;
    private final Supplier<String> attribution;

    IodaReports(Clock clock, Duration maxDataLag, Supplier<String> attribution) {
        this.clock = clock;
        this.maxDataLag = maxDataLag;
        this.attribution = attribution;
    }

    Optional<DataPlaneReport> report(IodaEntity entity, List<IodaSignal> signals, Instant outageStart) {
        Instant freshAfter = clock.instant().minus(maxDataLag);
        List<IodaSignal> fresh = signals.stream().filter(s -> s.entity().equals(entity))
                .filter(s -> s.latest().map(p -> !p.time().plus(s.step()).isBefore(freshAfter)).orElse(false))
                .sorted((a, b) -> a.datasource().compareTo(b.datasource())).toList();
        if (fresh.isEmpty()) {
            return Optional.empty();
        }
        List<String> lines = new ArrayList<>();
        for (IodaSignal s : fresh) {
            reading(s, outageStart).map(Reading::describe).ifPresent(lines::add);
        }
        DataPlaneReport.Recovery recovery = null;
        if (outageStart != null) {
            // active probing is the data plane itself; without it, IODA's own BGP count is the next best
            recovery = fresh.stream().filter(s -> s.datasource() == IodaDatasource.PING_SLASH24).findFirst()
                    .or(() -> fresh.stream().filter(s -> s.datasource() == IodaDatasource.BGP).findFirst())
                    .flatMap(s -> recovery(s, outageStart)).orElse(null);
        }
        return Optional.of(new DataPlaneReport(lines, IodaLinks.dashboard(entity), attribution.get(), recovery));
    }

    /**
     * The newest value against the median of the 24 h before {@code outageStart}; empty when less than
     * {@link IodaCountryJudge#MIN_HISTORY} of it is in the series (an outage that began before the series'
     * window): the 24 h before the newest bin would then be the outage itself, and read as "usual".
     */
    static Optional<Reading> reading(IodaSignal s, Instant outageStart) {
        Optional<Reading> plain = IodaCorroboration.reading(s);
        if (outageStart == null || plain.isEmpty()) {
            return plain;
        }
        List<Double> before = new ArrayList<>();
        for (IodaSignal.Point p : s.points()) {
            if (p.time().isBefore(outageStart) && !p.time().isBefore(outageStart.minus(IodaCorroboration.HISTORY))) {
                before.add(p.value());
            }
        }
        if (s.step().multipliedBy(before.size()).compareTo(IodaCountryJudge.MIN_HISTORY) < 0) {
            return Optional.empty();
        }
        Reading r = plain.get();
        return Optional.of(new Reading(r.entity(), r.datasource(), r.time(), r.step(), r.latest(),
                IodaCorroboration.median(before), before.size()));
    }

    /** Since {@code outageStart}: whether the signal dropped, and from which bin on it has been usual again. */
    static Optional<DataPlaneReport.Recovery> recovery(IodaSignal s, Instant outageStart) {
        Optional<Reading> r = reading(s, outageStart);
        if (r.isEmpty() || r.get().share().isEmpty()) {
            return Optional.empty();
        }
        double usual = r.get().usual();
        boolean dropped = false;
        Instant backAt = null;
        for (IodaSignal.Point p : s.points()) {
            // the bin that holds the start counts: an outage that began mid-bin shows in it
            if (p.time().plus(s.step()).isAfter(outageStart)) {
                boolean usualLevel = p.value() >= BACK_TO_USUAL * usual;
                if (!usualLevel) {
                    dropped = true;
                    backAt = null;
                } else if (dropped && backAt == null) {
                    backAt = p.time();
                }
            }
        }
        return Optional.of(new DataPlaneReport.Recovery(s.datasource().label(), backAt, !dropped,
                r.get().describe()));
    }
}
