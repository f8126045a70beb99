package net.outageherald.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import net.outageherald.source.ripestat.EndpointStatus;

/**
 * The failure state of each data call of a source, as the client keeps it:
 * {@code herald_source_endpoint_up{source,endpoint}} is 1 while it answers and 0 while it is failing, and
 * {@code herald_source_endpoint_failures{source,endpoint}} counts its failed calls since the last success.
 * The registry holds these gauges strongly: nothing else keeps this object, and a weakly held gauge
 * would turn NaN at the next garbage collection.
 */
public final class SourceHealthGauges {

    private final Supplier<List<EndpointStatus>> endpoints;

    /** Registers gauges for the endpoints known now; a client knows all of its data calls from the start. */
    public SourceHealthGauges(MeterRegistry registry, String source, Supplier<List<EndpointStatus>> endpoints) {
        this.endpoints = endpoints;
        for (EndpointStatus e : endpoints.get()) {
            String name = e.endpoint();
            gauge(registry, "herald.source.endpoint.up", source, name, s -> s.healthy() ? 1 : 0,
                    "1 while the data call answers, 0 while it is failing and left alone");
            gauge(registry, "herald.source.endpoint.failures", source, name, EndpointStatus::consecutiveFailures,
                    "Failed calls since the data call last answered");
        }
    }

    private void gauge(MeterRegistry registry, String metric, String source, String endpoint,
                       ToDoubleFunction<EndpointStatus> value, String description) {
        Gauge.builder(metric, this, g -> g.value(endpoint, value)).tag("source", source).tag("endpoint", endpoint)
                .description(description).strongReference(true).register(registry);
    }

    private double value(String endpoint, ToDoubleFunction<EndpointStatus> value) {
        return endpoints.get().stream().filter(e -> e.endpoint().equals(endpoint)).findFirst()
                .map(value::applyAsDouble).orElse(Double.NaN);
    }
}
