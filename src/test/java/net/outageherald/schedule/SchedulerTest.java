package net.outageherald.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SchedulerTest {

    @Test
    void aRunThatThrowsIsLoggedAndTheScheduleGoesOn() {
        // GIVEN a job that always throws, scheduled every second
        AtomicInteger runs = new AtomicInteger();
        Job failing = new Job() {
            @Override
            public String name() {
                return "failing";
            }

            @Override
            public void run() {
                runs.incrementAndGet();
                throw new IllegalStateException("boom");
            }
        };
        try (Scheduler scheduler = new Scheduler()) {
            scheduler.every(failing, Duration.ofSeconds(1), Duration.ZERO);
            scheduler.start();
            // THEN it keeps being run, and its failures are recorded
            await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() >= 2);
            assertThat(scheduler.lastFailed("failing")).isPresent();
            assertThat(scheduler.running()).isTrue();
        }
    }
}
