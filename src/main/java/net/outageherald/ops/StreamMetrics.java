package net.outageherald.ops;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import net.outageherald.source.rislive.RisLiveClient;
import net.outageherald.source.rislive.RisLiveStatus;
import net.outageherald.source.rislive.StreamState;

/**
 * Meters of the RIS Live stream:
 * <ul>
 *   <li>{@code herald_rislive_state{state}}: 1 for the state the stream is in (connecting, live, lagging,
 *       down), 0 for the others: alert on {@code herald_rislive_state{state="live"} == 0};</li>
 *   <li>{@code herald_rislive_lag_seconds}: how far behind the last message arrived;</li>
 *   <li>{@code herald_rislive_messages_total}, {@code herald_rislive_updates_total},
 *       {@code herald_rislive_parse_failures_total}, {@code herald_rislive_reconnects_total}.</li>
 * </ul>
 */
public final class StreamMetrics {

    public StreamMetrics(MeterRegistry registry, RisLiveClient stream) {
        for (StreamState s : StreamState.values()) {
            Gauge.builder("herald.rislive.state", stream, c -> c.status().state() == s ? 1 : 0)
                    .tag("state", s.name().toLowerCase(java.util.Locale.ROOT))
                    .description("1 for the state the RIS Live stream is in").register(registry);
        }
        Gauge.builder("herald.rislive.lag", stream, c -> lagSeconds(c.status())).baseUnit("seconds")
                .description("How far behind real time the last RIS Live message arrived").register(registry);
        counter(registry, "herald.rislive.messages", stream, RisLiveClient::messages, "RIS Live messages read");
        counter(registry, "herald.rislive.updates", stream, RisLiveClient::updates, "RIS Live route updates read");
        counter(registry, "herald.rislive.parse.failures", stream, RisLiveClient::parseFailures,
                "RIS Live frames that could not be read");
        counter(registry, "herald.rislive.reconnects", stream, RisLiveClient::reconnects,
                "Reconnections to RIS Live");
    }

    private static void counter(MeterRegistry registry, String name, RisLiveClient stream,
                                java.util.function.ToLongFunction<RisLiveClient> value, String description) {
        FunctionCounter.builder(name, stream, c -> value.applyAsLong(c)).description(description).register(registry);
    }

    private static double lagSeconds(RisLiveStatus s) {
        Duration lag = s.lag();
        return lag == null ? Double.NaN : lag.toMillis() / 1000.0;
    }
}
