package net.outageherald.source.ioda;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One IODA time series of one entity: {@code values.get(i)} is the bin that starts at {@code from + i * step}.
 * A {@code null} value is a bin IODA has no data for (not zero: zero is a measured "nothing visible").
 *
 * @param entity     which entity, as IODA names it
 * @param entityName IODA's display name ("New Zealand", "AS9500 (VODAFONE-TRANSIT-AS)"); may be empty
 * @param datasource which signal
 * @param from       start of the first bin
 * @param step       width of a bin (IODA may downsample: the native step or a multiple of it)
 * @param values     one value or null per bin, oldest first
 */
public record IodaSignal(IodaEntity entity, String entityName, IodaDatasource datasource, Instant from,
                         Duration step, List<Double> values) {

    public IodaSignal {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(datasource, "datasource");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(values, "values");
        entityName = entityName == null ? "" : entityName;
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("step must be positive, was " + step);
        }
        // List.copyOf refuses nulls, and nulls are data here
        values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    /** One bin that has a value. */
    public record Point(Instant time, double value) {
    }

    public IodaEntity.Type entityType() {
        return entity.type();
    }

    public String entityCode() {
        return entity.code();
    }

    /** When bin {@code i} starts. */
    public Instant time(int i) {
        return from.plus(step.multipliedBy(i));
    }

    /** The end of the last bin: the window IODA answered for. */
    public Instant until() {
        return time(values.size());
    }

    /** The bins that have a value, oldest first. */
    public List<Point> points() {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Double v = values.get(i);
            if (v != null && Double.isFinite(v)) {
                points.add(new Point(time(i), v));
            }
        }
        return points;
    }

    /** The newest bin that has a value. */
    public Optional<Point> latest() {
        for (int i = values.size() - 1; i >= 0; i--) {
            Double v = values.get(i);
            if (v != null && Double.isFinite(v)) {
                return Optional.of(new Point(time(i), v));
            }
        }
        return Optional.empty();
    }
}
