package net.outageherald.source.ioda;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One IODA alert: at {@code time} a signal of an entity crossed (or came back over) a threshold of its own
 * history. {@link Level#NORMAL} is IODA's recovery alert.
 *
 * @param datasource   wire name of the signal ({@code bgp}, {@code ping-slash24}, {@code gtr}, ...), kept as
 *                     text because IODA alerts on signals we do not fetch
 * @param entity       which entity
 * @param entityName   IODA's display name; may be empty
 * @param time         the bin the alert is about
 * @param level        how bad
 * @param condition    the test that fired, as IODA writes it ({@code "< 0.99"}); may be empty
 * @param value        the signal's value at {@code time}, when given
 * @param historyValue what the signal usually reads (the method's baseline), when given
 * @param method       how the baseline was made ({@code median}); may be empty
 */
public record IodaAlert(String datasource, IodaEntity entity, String entityName, Instant time, Level level,
                        String condition, OptionalDouble value, OptionalDouble historyValue, String method) {

    /** IODA's alert levels. */
    public enum Level {
        NORMAL("normal"), WARNING("warning"), CRITICAL("critical");

        private final String wireName;

        Level(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public static Optional<Level> fromWire(String name) {
            for (Level l : values()) {
                if (l.wireName.equals(name)) {
                    return Optional.of(l);
                }
            }
            return Optional.empty();
        }
    }

    public IodaAlert {
        Objects.requireNonNull(datasource, "datasource");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(historyValue, "historyValue");
        entityName = entityName == null ? "" : entityName;
        condition = condition == null ? "" : condition;
        method = method == null ? "" : method;
    }

    /** The signal as one of ours, when it is one we know. */
    public Optional<IodaDatasource> knownDatasource() {
        return IodaDatasource.fromWire(datasource);
    }
}
