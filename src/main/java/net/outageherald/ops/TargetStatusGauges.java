package net.outageherald.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import net.outageherald.model.Status;
import net.outageherald.store.Database;
import net.outageherald.store.TargetRepository;
import net.outageherald.store.TargetRepository.Counts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code herald_targets{status}} (up, partial, down, unknown, and pending for targets with no status
 * confirmed yet) and {@code herald_targets_degraded}, read from the {@code target} table. One scrape reads
 * all gauges, so the table is read once and the counts kept for a second.
 */
public final class TargetStatusGauges {

    private static final Logger LOG = LoggerFactory.getLogger(TargetStatusGauges.class);
    private static final Duration FRESH = Duration.ofSeconds(1);

    private final Database db;
    private final TargetRepository targets = new TargetRepository();
    private Counts counts;
    private long readAtNanos;
    private boolean failing;

    public TargetStatusGauges(Database db, MeterRegistry registry) {
        this.db = db;
        for (Status s : Status.values()) {
            gauge(registry, "herald.targets", s.name().toLowerCase(Locale.ROOT), c -> c.byStatus().get(s));
        }
        gauge(registry, "herald.targets", "pending", Counts::pending);
        Gauge.builder("herald.targets.degraded", this, g -> g.value(Counts::degraded))
                .description("Watched targets without usable data for a while").strongReference(true).register(registry);
    }

    private void gauge(MeterRegistry registry, String name, String status, ToDoubleFunction<Counts> value) {
        Gauge.builder(name, this, g -> g.value(value)).tag("status", status)
                .description("Watched targets by confirmed status").strongReference(true).register(registry);
    }

    private synchronized double value(ToDoubleFunction<Counts> value) {
        if (counts == null || System.nanoTime() - readAtNanos > FRESH.toNanos()) {
            try {
                counts = db.inTransaction(targets::counts);
                readAtNanos = System.nanoTime();
                failing = false;
            } catch (RuntimeException e) {
                if (!failing) { // once per failure run: a scrape every 15 s must not flood the log
                    LOG.warn("cannot count targets for /metrics: {}", e.getMessage());
                }
                failing = true;
                return Double.NaN;
            }
        }
        return value.applyAsDouble(counts);
    }
}
