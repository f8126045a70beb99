package net.outageherald.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import net.outageherald.testing.FakeRipeStat;
import net.outageherald.testing.Harness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stop in the middle of a poll round with requests queued behind slow ones ends at once, cleanly. */
class StopDuringPollTest {

    @TempDir
    Path dir;

    @Test
    void queuedRequestsAreCancelledAndInFlightOnesInterrupted() throws Exception {
        try (Harness h = new Harness(dir, "AS64500", "detection:\n  spread-polls: false\n")) {
            List<String> prefixes = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                prefixes.add("10.1." + i + ".0/24");
            }
            h.ripestat.as(64500, "EXAMPLE", 10, prefixes.toArray(String[]::new));
            h.poll(); // resolved while the fake is quick
            // GIVEN a round stuck on a RIPEstat that does not answer, 4 requests in flight and 8 queued
            h.ripestat.fail(FakeRipeStat.Failure.TIMEOUT);
            CompletableFuture<Void> round = CompletableFuture.runAsync(() -> {
                try {
                    h.poll();
                } catch (Exception e) {
                    // the stop ends the round: that is the point
                }
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> h.ripestat.lookingGlassCalls() >= 12 + 4);
            // WHEN the service stops
            long start = System.nanoTime();
            boolean clean = h.app().close(Duration.ofSeconds(8));
            // THEN it stops cleanly within a few seconds, and the round is over
            assertThat(clean).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            await().atMost(Duration.ofSeconds(5)).until(round::isDone);
        }
    }
}
