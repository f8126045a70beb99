package net.outageherald.source.ripestat;

import net.outageherald.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import mockwebserver3.MockWebServer;

/** Settings and clients for tests: the fake server on loopback, millisecond backoffs, a generous budget. */
final class TestSettings {

    static final Instant T0 = Instant.parse("2025-06-11T16:03:00Z");

    private TestSettings() {
    }

    static RipeStatConfig forServer(MockWebServer server) {
        return new RipeStatConfig(server.url("/").toString(), "outage-herald-test", 4, Duration.ofSeconds(2),
                Duration.ofSeconds(2), 3, Duration.ofMillis(1), Duration.ofSeconds(10), Duration.ofHours(1),
                Duration.ofMinutes(15), 10_000, Duration.ofMinutes(1), Duration.ofMinutes(8),
                Duration.ofMinutes(30), RipeStatConfig.DEFAULT_CANARY);
    }

    static RipeStatClient client(RipeStatConfig settings, MutableClock clock, Sleeper sleeper) {
        return new RipeStatClient(settings, RipeStatClient.httpClient(settings), clock, RequestBudget.unlimited(),
                sleeper);
    }

    static RipeStatClient client(MockWebServer server, MutableClock clock) {
        return client(forServer(server), clock, new RecordingSleeper());
    }
}
