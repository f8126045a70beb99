package net.outageherald.source.ioda;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What IODA's signals say about an entity right now, as evidence beside our own BGP view: for each signal the
 * newest value as a share of its median over the 24 hours before it ("IODA active probing: 12 % of usual up
 * /24s"). The median is IODA's own baseline method, and it shrugs off the odd missing or spiky bin. Pure logic.
 */
public final class IodaCorroboration {

    /** How far back "usual" looks, as IODA's median method does. */
    public static final Duration HISTORY = Duration.ofHours(24);

    private IodaCorroboration() {
    }

    /**
     * The newest value of one signal against its usual level.
     *
     * @param entity      whose signal
     * @param datasource  which signal
     * @param time        start of the newest bin that has a value
     * @param step        bin width, so that the bin's end (its freshness) is known
     * @param latest      that bin's value
     * @param usual       median of the valued bins in the {@link #HISTORY} before it; NaN when there are none
     * @param historyBins how many bins that median is taken over
     */
    public record Reading(IodaEntity entity, IodaDatasource datasource, Instant time, Duration step, double latest,
                          double usual, int historyBins) {

        public Reading {
            Objects.requireNonNull(entity, "entity");
            Objects.requireNonNull(datasource, "datasource");
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(step, "step");
        }

        /** When the newest bin ends: how fresh the reading is. */
        public Instant end() {
            return time.plus(step);
        }

        /** How much of the history the median covers. */
        public Duration historyCovered() {
            return step.multipliedBy(historyBins);
        }

        /** {@code latest / usual}; empty without a usual level to compare with (no history, or usually zero). */
        public OptionalDouble share() {
            return historyBins > 0 && usual > 0 ? OptionalDouble.of(latest / usual) : OptionalDouble.empty();
        }

        /** One line for a message: "IODA active probing: 12 % of usual up /24s". */
        public String describe() {
            OptionalDouble share = share();
            if (share.isEmpty()) {
                return datasource.label() + ": " + number(latest) + " " + datasource.unit() + " (no usual level yet)";
            }
            return datasource.label() + ": " + percent(share.getAsDouble()) + " of usual " + datasource.unit();
        }
    }

    /** The reading of one signal; empty when it has no value at all. */
    public static Optional<Reading> reading(IodaSignal signal) {
        Optional<IodaSignal.Point> latest = signal.latest();
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        Instant at = latest.get().time();
        Instant historyStart = at.minus(HISTORY);
        List<Double> history = new ArrayList<>();
        for (IodaSignal.Point p : signal.points()) {
            // the newest bin is what is being judged, so it is not part of its own baseline
            if (!p.time().isBefore(historyStart) && p.time().isBefore(at)) {
                history.add(p.value());
            }
        }
        return Optional.of(new Reading(signal.entity(), signal.datasource(), at, signal.step(), latest.get().value(),
                median(history), history.size()));
    }

    /**
     * One reading per entity and signal, in the order of {@link IodaDatasource}; when several series of the same
     * entity and signal are given (two polls, overlapping windows), the one with the newest value wins.
     */
    public static List<Reading> readings(List<IodaSignal> signals) {
        Map<String, Reading> newest = new LinkedHashMap<>();
        for (IodaSignal s : signals) {
            reading(s).ifPresent(r -> newest.merge(r.entity().path() + " " + r.datasource(), r,
                    (a, b) -> b.time().isAfter(a.time()) ? b : a));
        }
        List<Reading> out = new ArrayList<>(newest.values());
        out.sort(Comparator.comparing((Reading r) -> r.entity().path()).thenComparing(Reading::datasource));
        return out;
    }

    /** The readings of one entity as message lines, one per signal. */
    public static List<String> describe(IodaEntity entity, List<IodaSignal> signals) {
        return readings(signals).stream().filter(r -> r.entity().equals(entity)).map(Reading::describe).toList();
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /**
     * "12 %", "100 %"; one decimal from 90 % to just below 100 %, so that a drop below IODA's 99 % warning
     * line never reads as "99 %" or "100 %".
     */
    static String percent(double share) {
        double pct = share * 100;
        if (pct >= 90 && pct < 100) {
            String s = String.format(Locale.ROOT, "%.1f", Math.floor(pct * 10) / 10);
            return s + " %";
        }
        return String.format(Locale.ROOT, "%d %%", Math.round(pct));
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%d", (long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
