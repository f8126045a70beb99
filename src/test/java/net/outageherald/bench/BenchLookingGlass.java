package net.outageherald.bench;

import java.time.Instant;

/**
 * What {@link RisLiveBenchmark} needs of its fake RIPEstat: where it is, when the replay's clock started, and
 * how far the seed has got. {@link FakeLookingGlass} is one in the benchmark's JVM; {@link RemoteLookingGlass}
 * reaches one that runs in a process of its own, so that the measured JVM holds the service and nothing of the
 * harness's model.
 */
interface BenchLookingGlass extends AutoCloseable {

    /** The base URL that {@code HERALD_RIPESTAT_URL} points at. */
    String baseUrl();

    /** The replay's clock zero, for the outage plan (seconds after it). */
    void streamStarted(Instant at);

    /** How many different monitored prefixes the looking glass has answered for. */
    int prefixesAnswered();

    long lookingGlassCalls();

    long routingStatusCalls();

    @Override
    void close();
}
