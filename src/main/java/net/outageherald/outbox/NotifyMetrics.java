package net.outageherald.outbox;

import net.outageherald.model.Delivery;
import net.outageherald.store.OutboxRepository;
import net.outageherald.model.Platform;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What operators watch: outbox depth and the age of its oldest pending row per platform (refreshed
 * from the database by the workers), sends, and failures by reason.
 * <ul>
 *   <li>{@code herald.outbox.depth{platform}}: pending rows</li>
 *   <li>{@code herald.outbox.oldest.age{platform}}: seconds since the oldest pending row was written</li>
 *   <li>{@code herald.notify.sent{platform,action}}: messages the platform accepted</li>
 *   <li>{@code herald.notify.failures{platform,reason}}: attempts that did not succeed; reason is one of
 *       {@code retry} (timeouts, 5xx), {@code rate_limited} (429), {@code rejected} (the platform refused the
 *       message itself), {@code paused} (the bot may not post there for now), {@code permanent}, {@code moved},
 *       {@code expired} (too old, dropped), {@code error} (the sender threw)</li>
 *   <li>{@code herald.messages.failed{platform,reason}} (Prometheus {@code herald_messages_failed_total}):
 *       messages given up for good; reason is {@code rejected} (the platform can never accept it),
 *       {@code expired} (not delivered within max-message-age) or {@code ended} (its destination is gone)</li>
 * </ul>
 */
public final class NotifyMetrics {

    /** Why a send did not succeed, as a metric tag. */
    public enum Failure { RETRY, RATE_LIMITED, REJECTED, PAUSED, PERMANENT, MOVED, EXPIRED, ERROR }

    /** Why a message was given up without being delivered, as a metric tag. */
    public enum GivenUp { REJECTED, EXPIRED, ENDED }

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<Platform, AtomicLong> depth = new EnumMap<>(Platform.class);
    private final Map<Platform, AtomicLong> oldestCreatedMillis = new EnumMap<>(Platform.class);

    public NotifyMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        for (Platform p : Platform.values()) {
            AtomicLong d = new AtomicLong();
            AtomicLong oldest = new AtomicLong(-1);
            depth.put(p, d);
            oldestCreatedMillis.put(p, oldest);
            Gauge.builder("herald.outbox.depth", d, AtomicLong::get).tag("platform", p.id())
                    .description("Messages waiting in the outbox").register(registry);
            TimeGauge.builder("herald.outbox.oldest.age", oldest, TimeUnit.MILLISECONDS, this::ageMillis)
                    .tag("platform", p.id()).description("Age of the oldest message waiting in the outbox")
                    .register(registry);
        }
    }

    public void refresh(Map<Platform, OutboxRepository.Depth> snapshot) {
        for (Platform p : Platform.values()) {
            OutboxRepository.Depth d = snapshot.get(p);
            depth.get(p).set(d == null ? 0 : d.pending());
            oldestCreatedMillis.get(p).set(d == null ? -1 : d.oldestCreatedAt().toEpochMilli());
        }
    }

    void sent(Platform platform, Delivery.Action action) {
        Counter.builder("herald.notify.sent").tag("platform", platform.id())
                .tag("action", action.name().toLowerCase(Locale.ROOT)).register(registry).increment();
    }

    public void failed(Platform platform, Failure reason, int count) {
        Counter.builder("herald.notify.failures").tag("platform", platform.id())
                .tag("reason", reason.name().toLowerCase(Locale.ROOT)).register(registry).increment(count);
    }

    public void givenUp(Platform platform, GivenUp reason, int count) {
        Counter.builder("herald.messages.failed").tag("platform", platform.id())
                .tag("reason", reason.name().toLowerCase(Locale.ROOT))
                .description("Messages given up without being delivered").register(registry).increment(count);
    }

    private double ageMillis(AtomicLong createdMillis) {
        long created = createdMillis.get();
        return created < 0 ? 0 : Math.max(0, clock.millis() - created);
    }

    long depth(Platform platform) {
        return depth.get(platform).get();
    }

    public Instant oldest(Platform platform) {
        long v = oldestCreatedMillis.get(platform).get();
        return v < 0 ? null : Instant.ofEpochMilli(v);
    }
}
