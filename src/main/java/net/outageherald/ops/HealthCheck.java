package net.outageherald.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.outageherald.config.Durations;
import net.outageherald.schedule.Scheduler;
import net.outageherald.source.ripestat.EndpointStatus;

/**
 * Whether the service is doing its job: the scheduler runs and the poll job finished a round within
 * the allowed age (or, right after start, the first round is not late yet). A failing RIPEstat does not
 * make it unhealthy: rounds still finish and report "unknown", and restarting the container would not
 * help; failing data calls are listed in the body for the operator.
 */
public final class HealthCheck {

    /** The answer: healthy or not, and a short JSON object saying why. */
    public record Result(boolean healthy, String json) {
    }

    private final Scheduler scheduler;
    private final String job;
    private final Duration maxAge;
    private final Clock clock;
    private final Supplier<List<EndpointStatus>> endpoints;
    private final Supplier<Optional<SourceReport>> stream;
    private volatile java.util.function.BooleanSupplier leader;

    /**
     * How the main source is doing, when it is a stream: {@code ok} false means detection is not keeping the
     * freshness it promised (the stream is down and the looking glass is behind its cadence).
     */
    public record SourceReport(boolean ok, String state, String reason) {
    }

    /**
     * @param job       the job whose rounds must be recent ({@code poll})
     * @param maxAge    how long ago its last round may have finished
     * @param endpoints the source's data calls, shown when failing
     */
    public HealthCheck(Scheduler scheduler, String job, Duration maxAge, Clock clock,
                       Supplier<List<EndpointStatus>> endpoints) {
        this(scheduler, job, maxAge, clock, endpoints, Optional::empty);
    }

    /** @param stream how the stream and the looking glass behind it are doing (empty when polling) */
    public HealthCheck(Scheduler scheduler, String job, Duration maxAge, Clock clock,
                       Supplier<List<EndpointStatus>> endpoints, Supplier<Optional<SourceReport>> stream) {
        this.stream = stream;
        this.scheduler = scheduler;
        this.job = job;
        this.maxAge = maxAge;
        this.clock = clock;
        this.endpoints = endpoints;
    }

    /**
     * Shows in the body whether this instance leads (follows the routing data; with several instances on
     * PostgreSQL one does, the others stand by). Without it the body says nothing about it.
     */
    public void leader(java.util.function.BooleanSupplier leading) {
        this.leader = leading;
    }

    public Result check() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        Instant now = clock.instant();
        Optional<Instant> last = scheduler.lastFinished(job);
        boolean healthy;
        String reason;
        if (!scheduler.running()) {
            healthy = false;
            reason = "the scheduler is not running";
        } else if (last.isPresent()) {
            Duration age = ageAt(last.get(), now);
            healthy = age.compareTo(maxAge) <= 0;
            reason = "the last " + job + " round finished " + Durations.format(age) + " ago"
                    + (healthy ? "" : ", more than the " + Durations.format(maxAge) + " allowed");
        } else {
            Duration up = ageAt(scheduler.startedAt().orElse(now), now);
            healthy = up.compareTo(maxAge) <= 0;
            reason = "no " + job + " round has finished since the start " + Durations.format(up) + " ago"
                    + (healthy ? " (not late yet)" : ", more than the " + Durations.format(maxAge) + " allowed");
        }
        Optional<SourceReport> source = stream.get();
        if (source.isPresent()) {
            body.put("stream", source.get().state());
            body.put("streamDetail", source.get().reason());
            if (healthy && !source.get().ok()) {
                healthy = false;
                reason = source.get().reason();
            }
        }
        body.put("status", healthy ? "ok" : "unhealthy");
        body.put("reason", reason);
        java.util.function.BooleanSupplier leading = leader;
        if (leading != null) {
            body.put("leader", leading.getAsBoolean());
        }
        last.ifPresent(at -> body.put("lastRound", at.toString()));
        scheduler.lastFailed(job).filter(f -> last.isEmpty() || f.isAfter(last.get()))
                .ifPresent(at -> body.put("lastRoundFailed", at.toString()));
        body.put("maxRoundAge", Durations.format(maxAge));
        ArrayNode failing = body.putArray("failingSources");
        for (EndpointStatus e : endpoints.get()) {
            if (!e.healthy()) {
                failing.add("ripestat " + e.endpoint() + ": " + e.consecutiveFailures() + " failed calls"
                        + e.failingSince().map(s -> " since " + s).orElse(""));
            }
        }
        return new Result(healthy, body.toString());
    }

    private static Duration ageAt(Instant then, Instant now) {
        Duration d = Duration.between(then, now);
        // whole seconds read better, and a clock that stepped back is not "negative age"
        return d.isNegative() ? Duration.ZERO : Duration.ofSeconds(d.getSeconds());
    }
}
