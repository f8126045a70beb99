package net.outageherald.source.ripestat;

import net.outageherald.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import net.outageherald.source.SourceUnavailableException;
import net.outageherald.source.SourceUnavailableException.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RipeStatClientTest {

    private static final String ERROR_ENVELOPE = """
            {"messages":[["error","The given resource is not valid: 'AS-nonsense'"]],"see_also":[],
             "version":"1.3","data_call_name":"as-overview","data_call_status":"supported","cached":false,
             "data":{},"query_id":"x","process_time":1,"server_id":"app1","build_version":"v0",
             "status":"error","status_code":400,"time":"2025-06-11T16:08:51.989470"}""";

    private final MockWebServer server = new MockWebServer();
    private final MutableClock clock = new MutableClock(TestSettings.T0);
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private RipeStatConfig settings;
    private RipeStatClient client;

    @BeforeEach
    void start() throws IOException {
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        settings = TestSettings.forServer(server);
        client = TestSettings.client(settings, clock, sleeper);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void callsTheDataCallUrlWithSourceappOnEveryRequest() throws Exception {
        // GIVEN a failure, then a success, so there is a retry too
        server.enqueue(new MockResponse.Builder().code(503).build());
        server.enqueue(Samples.ok("as-overview_AS3333.json"));

        // WHEN a data call is made
        client.fetch("as-overview", Map.of("resource", "AS3333"));

        // THEN both requests name the call, the resource and our sourceapp
        for (int i = 0; i < 2; i++) {
            RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
            assertThat(request.getUrl().encodedPath()).isEqualTo("/data/as-overview/data.json");
            assertThat(request.getUrl().queryParameter("resource")).isEqualTo("AS3333");
            assertThat(request.getUrl().queryParameter("sourceapp")).isEqualTo("outage-herald-test");
        }
    }

    @Test
    void toleratesUnknownEnvelopeFieldsAndReturnsData() throws Exception {
        // GIVEN a full answer with fields we do not read (routing-status; the 2026 ones even add "pipeline")
        server.enqueue(Samples.ok("routing-status_AS3333.json"));
        JsonNode recorded = Samples.tree("routing-status_AS3333.json");

        // WHEN it is fetched
        JsonNode data = client.fetch("routing-status", Map.of("resource", "AS3333"));

        // THEN the data object comes back as sent, warnings in messages notwithstanding
        assertThat(data).isEqualTo(recorded.get("data"));
    }

    @Test
    void keepsAtMostFourRequestsInFlight() throws Exception {
        // GIVEN a server that holds every request until released, counting how many it holds at once
        AtomicInteger arrived = new AtomicInteger();
        AtomicInteger holding = new AtomicInteger();
        AtomicInteger maxHolding = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                arrived.incrementAndGet();
                maxHolding.accumulateAndGet(holding.incrementAndGet(), Math::max);
                try {
                    release.await(5, TimeUnit.SECONDS);
                } finally {
                    holding.decrementAndGet();
                }
                return Samples.ok("as-overview_AS3333.json");
            }
        });
        ExecutorService callers = Executors.newFixedThreadPool(10);
        try {
            // WHEN ten calls are made at once
            List<Future<JsonNode>> calls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                calls.add(callers.submit(() -> client.fetch("as-overview", Map.of("resource", "AS3333"))));
            }

            // THEN four reach the server and no fifth follows while they are held
            await().atMost(Duration.ofSeconds(5)).until(() -> arrived.get() == 4);
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> arrived.get() == 4);
            release.countDown();
            for (Future<JsonNode> call : calls) {
                assertThat(call.get(5, TimeUnit.SECONDS).get("holder").asText()).startsWith("RIPE-NCC-AS");
            }
            assertThat(arrived).hasValue(10);
            assertThat(maxHolding).hasValue(4);
        } finally {
            release.countDown();
            callers.shutdownNow();
        }
    }

    @Test
    void retriesAServerErrorAndSucceeds() throws Exception {
        // GIVEN a 500 and then a good answer
        server.enqueue(new MockResponse.Builder().code(500).body("oops").build());
        server.enqueue(Samples.ok("as-overview_AS3333.json"));

        // WHEN the call is made
        JsonNode data = client.fetch("as-overview", Map.of("resource", "AS3333"));

        // THEN it succeeded on the second request, after one (tiny) backoff
        assertThat(data.get("holder").asText()).startsWith("RIPE-NCC-AS");
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(sleeper.waits()).hasSize(1);
        assertThat(sleeper.waits().get(0)).isLessThanOrEqualTo(Duration.ofMillis(2));
    }

    @Test
    void honoursRetryAfterOnTooManyRequests() throws Exception {
        // GIVEN a 429 asking us to come back in 7 seconds
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7").build());
        server.enqueue(Samples.ok("as-overview_AS3333.json"));

        // WHEN the call is made
        client.fetch("as-overview", Map.of("resource", "AS3333"));

        // THEN we waited exactly that long before the second request
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(7));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void capsAnExcessiveRetryAfter() throws Exception {
        // GIVEN a 429 asking for an hour, more than retryBackoffMax (10 s here)
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "3600").build());
        server.enqueue(Samples.ok("as-overview_AS3333.json"));

        // WHEN the call is made
        client.fetch("as-overview", Map.of("resource", "AS3333"));

        // THEN the wait was capped
        assertThat(sleeper.waits()).containsExactly(settings.retryBackoffMax());
    }

    @Test
    void retriesTimeoutsThenReportsTimeout() throws Exception {
        // GIVEN a server that never answers, and a short read timeout
        RipeStatConfig quick = new RipeStatConfig(settings.url(), settings.sourceapp(), 4,
                Duration.ofMillis(500), Duration.ofMillis(100), 3, Duration.ofMillis(1), Duration.ofMillis(5),
                settings.lookBackLimit(), settings.maxDataLag(), 10_000, settings.failureBackoff(),
                settings.failureBackoffMax(), settings.reconcileInterval(), settings.canary());
        RipeStatClient impatient = TestSettings.client(quick, clock, sleeper);
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        }

        // WHEN the call is made
        // THEN every attempt was made, and the failure says TIMEOUT
        assertThatThrownBy(() -> impatient.fetch("looking-glass", Map.of("resource", "140.78.0.0/16")))
                .isInstanceOfSatisfying(SourceUnavailableException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
                    assertThat(e.endpoint()).isEqualTo("looking-glass");
                    assertThat(e.getMessage()).contains("after 3 attempts");
                });
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void invalidJsonIsMalformedAndNotRetried() {
        // GIVEN a 200 whose body is not JSON (a proxy's error page, a truncated body)
        server.enqueue(new MockResponse.Builder().code(200).body("<html>Bad gateway</html>").build());

        // WHEN / THEN it fails as MALFORMED after one request
        assertThatThrownBy(() -> client.fetch("as-overview", Map.of("resource", "AS3333")))
                .isInstanceOfSatisfying(SourceUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void errorEnvelopeCarriesRipeStatsMessageAndIsNotRetried() {
        // GIVEN an error envelope in a 200 answer
        server.enqueue(Samples.json(ERROR_ENVELOPE));

        // WHEN / THEN it fails as ERROR_ENVELOPE saying what RIPEstat said
        assertThatThrownBy(() -> client.fetch("as-overview", Map.of("resource", "AS-nonsense")))
                .isInstanceOfSatisfying(SourceUnavailableException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.ERROR_ENVELOPE);
                    assertThat(e.getMessage()).contains("The given resource is not valid: 'AS-nonsense'");
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void errorEnvelopeInA400AnswerIsReadToo() {
        // GIVEN the same envelope with HTTP 400, as RIPEstat may send it
        server.enqueue(new MockResponse.Builder().code(400).body(ERROR_ENVELOPE).build());

        // WHEN / THEN the message text still comes through, and nothing is retried
        assertThatThrownBy(() -> client.fetch("as-overview", Map.of("resource", "AS-nonsense")))
                .isInstanceOfSatisfying(SourceUnavailableException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.ERROR_ENVELOPE);
                    assertThat(e.getMessage()).contains("HTTP 400").contains("is not valid");
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void okStatusWithoutDataObjectIsAnErrorEnvelope() {
        // GIVEN an envelope that says ok but carries no data object
        server.enqueue(Samples.json("{\"status\":\"ok\",\"status_code\":200,\"messages\":[],\"data\":[]}"));

        // WHEN / THEN
        assertThatThrownBy(() -> client.fetch("as-overview", Map.of("resource", "AS3333")))
                .isInstanceOfSatisfying(SourceUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.ERROR_ENVELOPE));
    }

    @Test
    void anExhaustedBudgetFailsWithoutARequest() {
        // GIVEN a budget with nothing left
        RequestBudget empty = new RequestBudget() {
            @Override
            public boolean acquire() {
                return false;
            }

            @Override
            public boolean tryAcquire() {
                return false;
            }
        };
        RipeStatClient broke = new RipeStatClient(settings, RipeStatClient.httpClient(settings), clock, empty,
                sleeper);

        // WHEN / THEN the call is refused as RATE_LIMITED and the server sees nothing
        assertThatThrownBy(() -> broke.fetch("as-overview", Map.of("resource", "AS3333")))
                .isInstanceOfSatisfying(SourceUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED));
        assertThat(server.getRequestCount()).isZero();
    }
}
