package net.outageherald.source.ripestat;

import net.outageherald.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import net.outageherald.source.SourceUnavailableException;
import net.outageherald.source.SourceUnavailableException.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class EndpointBackoffTest {

    private static final Map<String, String> PREFIX = Map.of("resource", "140.78.0.0/16");

    private final MockWebServer server = new MockWebServer();
    private final MutableClock clock = new MutableClock(TestSettings.T0);
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger healthLog = (Logger) LoggerFactory.getLogger(EndpointHealth.class);
    private RipeStatClient client;

    @BeforeEach
    void start() throws IOException {
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        // backoff 1 min doubling to 8 min (TestSettings), each call tried 3 times
        client = TestSettings.client(server, clock);
        logs.start();
        healthLog.addAppender(logs);
    }

    @AfterEach
    void stop() {
        healthLog.detachAppender(logs);
        server.close();
    }

    @Test
    void aFailedEndpointFailsFastUntilItsBackoffIsOverThenTriesAgain() throws Exception {
        // GIVEN looking-glass failed (three 500s: all its attempts)
        failOnce();
        assertThat(server.getRequestCount()).isEqualTo(3);

        // WHEN it is called again within the minute of backoff
        clock.advance(Duration.ofSeconds(59));

        // THEN it fails fast as BACKING_OFF without a request reaching the server
        assertThatThrownBy(() -> client.fetch("looking-glass", PREFIX))
                .isInstanceOfSatisfying(SourceUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.BACKING_OFF));
        assertThat(server.getRequestCount()).isEqualTo(3);

        // WHEN the clock passes the backoff and RIPEstat is fine again
        clock.advance(Duration.ofSeconds(2));
        server.enqueue(Samples.ok("looking-glass_140.78.0.0-16.json"));

        // THEN the call goes out and succeeds, and the endpoint is healthy again
        assertThat(client.fetch("looking-glass", PREFIX).get("rrcs").isArray()).isTrue();
        assertThat(server.getRequestCount()).isEqualTo(4);
        assertThat(status("looking-glass").healthy()).isTrue();
    }

    @Test
    void oneFailingEndpointDoesNotBlockAnother() throws Exception {
        // GIVEN looking-glass is backing off
        failOnce();

        // WHEN another data call is made
        server.enqueue(Samples.ok("as-overview_AS3333.json"));

        // THEN it reaches the server and succeeds
        assertThat(client.fetch("as-overview", Map.of("resource", "AS3333")).get("holder").asText())
                .startsWith("RIPE-NCC-AS");
        assertThat(status("as-overview").healthy()).isTrue();
        assertThat(status("looking-glass").healthy()).isFalse();
    }

    @Test
    void backoffDoublesPerConsecutiveFailureUpToTheCap() throws Exception {
        // GIVEN looking-glass failed twice in a row (the second time after the first minute)
        failOnce();
        clock.advance(Duration.ofMinutes(1));
        failOnce();

        // WHEN 1 min 59 s pass, THEN it is still backing off (2 min now)
        clock.advance(Duration.ofSeconds(119));
        assertThatThrownBy(() -> client.fetch("looking-glass", PREFIX))
                .isInstanceOfSatisfying(SourceUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.BACKING_OFF));

        // AND after enough further failures the backoff stops at the cap of 8 minutes
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofMinutes(8));
            failOnce();
        }
        EndpointStatus status = status("looking-glass");
        assertThat(status.consecutiveFailures()).isEqualTo(6);
        assertThat(status.backingOffUntil()).contains(clock.instant().plus(Duration.ofMinutes(8)));
    }

    @Test
    void healthViewTellsWhenWhyAndHowOften() throws Exception {
        // GIVEN looking-glass failed at T0 and again after its backoff
        failOnce();
        clock.advance(Duration.ofMinutes(1));
        failOnce();

        // WHEN its health is read
        EndpointStatus status = status("looking-glass");

        // THEN it says since when, how many calls, and the last error
        assertThat(status.failingSince()).contains(TestSettings.T0);
        assertThat(status.consecutiveFailures()).isEqualTo(2);
        assertThat(status.lastError()).hasValueSatisfying(e -> assertThat(e).startsWith("HTTP_ERROR").contains("500"));
        // AND every known data call is listed, the healthy ones too
        assertThat(client.endpoints()).extracting(EndpointStatus::endpoint)
                .containsExactly("announced-prefixes", "as-overview", "country-resource-list", "looking-glass",
                        "rir-stats-country", "routing-status");
    }

    @Test
    void logsTheStartOfAnOutageAndTheRecoveryOnceEach() throws Exception {
        // GIVEN three failed calls in a row, then a success
        failOnce();
        clock.advance(Duration.ofMinutes(1));
        failOnce();
        clock.advance(Duration.ofMinutes(2));
        failOnce();
        clock.advance(Duration.ofMinutes(4));
        server.enqueue(Samples.ok("looking-glass_140.78.0.0-16.json"));
        client.fetch("looking-glass", PREFIX);

        // WHEN / THEN one WARN at the start and one INFO at the recovery, nothing in between above DEBUG
        assertThat(logs.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.INFO))
                .extracting(ILoggingEvent::getLevel)
                .containsExactly(Level.WARN, Level.INFO);
    }

    @Test
    void aRejectedRequestDoesNotPutTheEndpointIntoBackoff() throws Exception {
        // GIVEN RIPEstat rejects one resource as bad (HTTP 400)
        server.enqueue(new MockResponse.Builder().code(400).body("bad resource").build());
        assertThatThrownBy(() -> client.fetch("looking-glass", Map.of("resource", "not-a-prefix")))
                .isInstanceOfSatisfying(SourceUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.HTTP_ERROR));

        // WHEN the next prefix is polled right away
        server.enqueue(Samples.ok("looking-glass_140.78.0.0-16.json"));

        // THEN it goes out: one bad target must not leave all the others without observations
        assertThat(client.fetch("looking-glass", PREFIX).has("rrcs")).isTrue();
        assertThat(status("looking-glass").healthy()).isTrue();
    }

    @Test
    void anUnreadableAnswerForOnePrefixLeavesTheEndpointToTheOthers() throws Exception {
        // GIVEN RIPEstat answers one prefix with something that is not JSON (a truncated body)
        server.enqueue(Samples.json("{\"status\": \"ok\", \"data\": {\"rrcs\": ["));
        assertThatThrownBy(() -> client.fetch("looking-glass", Map.of("resource", "192.0.2.0/24")))
                .isInstanceOfSatisfying(SourceUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));

        // WHEN the next prefix is polled right away
        server.enqueue(Samples.ok("looking-glass_140.78.0.0-16.json"));

        // THEN it goes out and is answered: only the prefix with the bad answer is unknown
        assertThat(client.fetch("looking-glass", PREFIX).has("rrcs")).isTrue();
        assertThat(status("looking-glass").healthy()).isTrue();
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void malformedDataForOnePrefixLeavesTheEndpointToTheOthers() throws Exception {
        // GIVEN a well-formed envelope whose data for one prefix has no rrcs
        RipeStatRoutingSource source = new RipeStatRoutingSource(client);
        server.enqueue(Samples.json("{\"status\":\"ok\",\"status_code\":200,\"data\":{\"query_time\":"
                + "\"2025-06-11T16:03:00\",\"latest_time\":\"2025-06-11T16:02:30\"}}"));
        assertThatThrownBy(() -> source.observe(net.outageherald.model.Prefix.parse("192.0.2.0/24")))
                .isInstanceOfSatisfying(SourceUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));

        // WHEN / THEN the next call goes out
        server.enqueue(Samples.ok("looking-glass_140.78.0.0-16.json"));
        assertThat(client.fetch("looking-glass", PREFIX).has("rrcs")).isTrue();
        assertThat(status("looking-glass").healthy()).isTrue();
    }

    @Test
    void unreadableAnswersForSeveralDifferentPrefixesInARowAreTheEndpointsTrouble() throws Exception {
        // GIVEN the same prefix answered unreadably three times: still that prefix's trouble
        for (int i = 0; i < 3; i++) {
            unreadable("192.0.2.0/24");
        }
        assertThat(status("looking-glass").healthy()).isTrue();
        server.enqueue(Samples.ok("looking-glass_140.78.0.0-16.json"));
        client.fetch("looking-glass", PREFIX);

        // WHEN three different prefixes in a row get unreadable answers (an HTML error page for everyone)
        unreadable("192.0.2.0/24");
        unreadable("198.51.100.0/24");
        assertThat(status("looking-glass").healthy()).isTrue();
        unreadable("203.0.113.0/24");

        // THEN the data call backs off, and says why
        EndpointStatus status = status("looking-glass");
        assertThat(status.healthy()).isFalse();
        assertThat(status.lastError()).hasValueSatisfying(e -> assertThat(e)
                .contains("unreadable answers for 3 different resources in a row"));
        assertThatThrownBy(() -> client.fetch("looking-glass", PREFIX))
                .isInstanceOfSatisfying(SourceUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.BACKING_OFF));
    }

    private void unreadable(String prefix) {
        server.enqueue(new MockResponse.Builder().code(200).body("<html>Bad gateway</html>").build());
        assertThatThrownBy(() -> client.fetch("looking-glass", Map.of("resource", prefix)))
                .isInstanceOfSatisfying(SourceUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
    }

    private void failOnce() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().code(500).build());
        }
        assertThatThrownBy(() -> client.fetch("looking-glass", PREFIX))
                .isInstanceOfSatisfying(SourceUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.HTTP_ERROR));
    }

    private EndpointStatus status(String endpoint) {
        return client.endpoints().stream().filter(s -> s.endpoint().equals(endpoint)).findFirst().orElseThrow();
    }
}
