package net.outageherald.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import net.outageherald.schedule.Job;
import net.outageherald.schedule.Scheduler;
import net.outageherald.source.ripestat.EndpointStatus;
import net.outageherald.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /healthz} on a real endpoint (127.0.0.1, a free port) over a real scheduler on a test clock. */
class HealthEndpointTest {

    private static final Duration MAX_AGE = Duration.ofMinutes(3);

    private final MutableClock clock = new MutableClock(Instant.parse("2014-12-22T15:00:00Z"));
    private final AtomicReference<List<EndpointStatus>> endpoints = new AtomicReference<>(List.of());
    private final Scheduler scheduler = new Scheduler(clock);
    private final Job poll = new Job() {
        @Override
        public String name() {
            return "poll";
        }

        @Override
        public void run() {
            // a round that finishes at once
        }
    };
    private OpsServer server;

    @BeforeEach
    void setUp() throws Exception {
        HealthCheck health = new HealthCheck(scheduler, "poll", MAX_AGE, clock, endpoints::get);
        server = OpsServer.start("127.0.0.1", 0, health, () -> "");
    }

    @AfterEach
    void tearDown() {
        server.close();
        scheduler.close();
    }

    private HttpResponse<String> healthz() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/healthz"))
                .timeout(Duration.ofSeconds(10)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRunningScheduleWithARecentRoundIsHealthy() throws Exception {
        // GIVEN the poll job scheduled hourly, first run at once, and that run finished
        scheduler.every(poll, Duration.ofHours(1), Duration.ZERO);
        scheduler.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> scheduler.lastFinished("poll").isPresent());
        clock.advance(Duration.ofMinutes(2));
        // WHEN asked
        HttpResponse<String> r = healthz();
        // THEN 200, saying how recent the round is
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(r.body()).contains("\"status\":\"ok\"", "the last poll round finished 2m ago",
                "\"lastRound\":\"2014-12-22T15:00:00Z\"");
    }

    @Test
    void aRoundOlderThanTheLimitIsUnhealthyAndSaysHowOld() throws Exception {
        scheduler.every(poll, Duration.ofHours(1), Duration.ZERO);
        scheduler.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> scheduler.lastFinished("poll").isPresent());
        // WHEN the next round is overdue
        clock.advance(Duration.ofMinutes(4));
        HttpResponse<String> r = healthz();
        // THEN 503 with the reason
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).contains("\"status\":\"unhealthy\"",
                "the last poll round finished 4m ago, more than the 3m allowed");
    }

    @Test
    void rightAfterStartNoRoundYetIsHealthyUntilTheLimitThenUnhealthy() throws Exception {
        // GIVEN a started schedule whose first round is an hour away
        scheduler.every(poll, Duration.ofHours(1), Duration.ofHours(1));
        scheduler.start();
        assertThat(healthz().statusCode()).isEqualTo(200);
        // WHEN the limit passes with no round
        clock.advance(Duration.ofMinutes(5));
        HttpResponse<String> r = healthz();
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).contains("no poll round has finished since the start 5m ago");
    }

    @Test
    void aStoppedSchedulerIsUnhealthy() throws Exception {
        scheduler.every(poll, Duration.ofHours(1), Duration.ZERO);
        scheduler.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> scheduler.lastFinished("poll").isPresent());
        scheduler.stopFiring();
        HttpResponse<String> r = healthz();
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).contains("the scheduler is not running");
    }

    @Test
    void aFailingSourceIsListedButDoesNotMakeItUnhealthy() throws Exception {
        // GIVEN recent rounds, while RIPEstat's looking-glass fails
        scheduler.every(poll, Duration.ofHours(1), Duration.ZERO);
        scheduler.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> scheduler.lastFinished("poll").isPresent());
        endpoints.set(List.of(new EndpointStatus("looking-glass", Optional.of(clock.instant()), 4,
                Optional.of("HTTP_ERROR: 500"), Optional.of(clock.instant().plusSeconds(60)))));
        // THEN still healthy (a restart would not mend RIPEstat), and the operator sees why data is missing
        HttpResponse<String> r = healthz();
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("ripestat looking-glass: 4 failed calls since 2014-12-22T15:00:00Z");
    }
}
