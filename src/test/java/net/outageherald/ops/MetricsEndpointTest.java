package net.outageherald.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import net.outageherald.testing.FakeRipeStat.Failure;
import net.outageherald.testing.Harness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /metrics} on the app wired as in production, after real poll rounds against the fake RIPEstat. */
class MetricsEndpointTest {

    private static final String CONFIG = """
            detection:
              spread-polls: false
            ripestat:
              retry-backoff: 1ms
              retry-backoff-max: 5ms
              read-timeout: 1s
              max-attempts: 1
            http:
              enabled: true
              port: 0
            """;
    private static final String[] PREFIXES = {"175.45.176.0/24", "175.45.177.0/24"};

    @TempDir
    Path dir;

    private Harness h;

    @BeforeEach
    void setUp() throws Exception {
        h = new Harness(dir, "AS131279", CONFIG);
        h.ripestat.as(131279, "STAR-KP", 20, PREFIXES);
    }

    @AfterEach
    void tearDown() throws Exception {
        h.close();
    }

    @Test
    void afterPollsTheMetricsShowRoundsObservationsTargetsEventsSourcesAndTheJvm() throws Exception {
        // GIVEN three good rounds, then both prefixes dark until the outage is confirmed
        h.poll(3);
        h.ripestat.seenBy(PREFIXES[0], 0);
        h.ripestat.seenBy(PREFIXES[1], 0);
        h.poll(4);
        // WHEN Prometheus scrapes
        HttpResponse<String> r = h.get("/metrics");
        // THEN every series an operator needs is there, with the values of those rounds
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        String m = r.body();
        assertThat(m).contains(
                "herald_poll_rounds_total{outcome=\"ok\",source=\"ripestat\"} 7.0",
                "herald_poll_rounds_total{outcome=\"failed\",source=\"ripestat\"} 0.0",
                "herald_observations_total{source=\"ripestat\"} 14.0",
                "herald_observation_age_seconds{source=\"ripestat\"} 0.0",
                "herald_poll_round_seconds_count{source=\"ripestat\"} 7",
                "herald_targets{status=\"down\"} 1.0",
                "herald_targets{status=\"up\"} 0.0",
                "herald_targets{status=\"pending\"} 0.0",
                "herald_targets_degraded 0.0",
                "herald_events_total{type=\"outage_started\"} 1.0",
                "herald_events_total{type=\"restored\"} 0.0",
                "herald_source_endpoint_up{endpoint=\"looking-glass\",source=\"ripestat\"} 1.0",
                "herald_source_endpoint_failures{endpoint=\"looking-glass\",source=\"ripestat\"} 0.0",
                "jvm_memory_used_bytes", "jvm_gc_", "jvm_threads_live_threads", "system_cpu_count",
                "process_uptime_seconds");
    }

    @Test
    void aFailingSourceShowsInFailuresByReasonAndInTheEndpointsStateAndTheAgeGrows() throws Exception {
        // GIVEN one good round, then RIPEstat answering 500 for two
        h.poll();
        h.ripestat.fail(Failure.HTTP_500);
        h.poll(2);
        // WHEN scraped
        String m = h.get("/metrics").body();
        // THEN both prefixes' failures in both rounds are counted by reason (the two requests of a round race: the
        // second may find the endpoint already backing off), the endpoint is down and the data two minutes old
        double httpErrors = counted(m, "http_error");
        assertThat(httpErrors).isGreaterThanOrEqualTo(2);
        assertThat(httpErrors + counted(m, "backing_off")).isEqualTo(4);
        assertThat(m).contains(
                "herald_source_endpoint_up{endpoint=\"looking-glass\",source=\"ripestat\"} 0.0",
                "herald_observation_age_seconds{source=\"ripestat\"} 120.0",
                "herald_poll_rounds_total{outcome=\"ok\",source=\"ripestat\"} 3.0");
    }

    @Test
    void withoutARunningSchedulerHealthIsUnhealthyAndSaysWhy() throws Exception {
        // GIVEN the app built and polled by hand, its schedule never started
        h.poll();
        // WHEN asked
        HttpResponse<String> r = h.get("/healthz");
        // THEN 503, with the reason in a short JSON body
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).contains("\"status\":\"unhealthy\"", "the scheduler is not running");
        assertThat(h.get("/nothing-here").statusCode()).isEqualTo(404);
    }

    private static double counted(String metrics, String reason) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("herald_observation_failures_total\\{reason=\""
                + reason + "\",source=\"ripestat\"\\} ([0-9.]+)").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
