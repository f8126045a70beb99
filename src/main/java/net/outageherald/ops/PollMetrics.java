package net.outageherald.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import net.outageherald.detect.PollListener;

/**
 * Meters for poll rounds of one routing source:
 * <ul>
 *   <li>{@code herald_poll_rounds_total{source,outcome}}: rounds that ran to the end ({@code ok}) or threw
 *       ({@code failed}), and {@code herald_poll_round_seconds} how long they took;</li>
 *   <li>{@code herald_observations_total{source}}: prefixes observed, and
 *       {@code herald_observation_failures_total{source,reason}} those that were not, by reason;</li>
 *   <li>{@code herald_observation_age_seconds{source}}: time since the last round that observed anything
 *       (NaN before the first), the figure to alert on when the source goes quiet.</li>
 * </ul>
 */
public final class PollMetrics implements PollListener {

    private final MeterRegistry registry;
    private final String source;
    private final Clock clock;
    private final Counter ok;
    private final Counter failed;
    private final Counter observations;
    private final Timer duration;
    private final AtomicLong lastObservedMillis = new AtomicLong(-1);

    public PollMetrics(MeterRegistry registry, String source, Clock clock) {
        this.registry = registry;
        this.source = source;
        this.clock = clock;
        this.ok = rounds("ok");
        this.failed = rounds("failed");
        this.observations = Counter.builder("herald.observations").tag("source", source)
                .description("Prefixes observed by poll rounds").register(registry);
        this.duration = Timer.builder("herald.poll.round").tag("source", source)
                .description("How long poll rounds took").register(registry);
        TimeGauge.builder("herald.observation.age", lastObservedMillis, TimeUnit.MILLISECONDS, this::ageMillis)
                .tag("source", source).description("Time since a poll round last observed a prefix")
                .register(registry);
    }

    @Override
    public void roundFinished(int observed, Map<String, Integer> failures, Duration took) {
        ok.increment();
        duration.record(took);
        observations.increment(observed);
        failures.forEach((reason, count) -> Counter.builder("herald.observation.failures").tag("source", source)
                .tag("reason", reason).description("Prefixes a poll round could not observe, by reason")
                .register(registry).increment(count));
        if (observed > 0) {
            lastObservedMillis.set(clock.millis());
        }
    }

    @Override
    public void roundFailed(Throwable error, Duration took) {
        failed.increment();
        duration.record(took);
    }

    private Counter rounds(String outcome) {
        return Counter.builder("herald.poll.rounds").tag("source", source).tag("outcome", outcome)
                .description("Poll rounds, by how they ended").register(registry);
    }

    private double ageMillis(AtomicLong last) {
        long at = last.get();
        return at < 0 ? Double.NaN : Math.max(0, clock.millis() - at);
    }
}
