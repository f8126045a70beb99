package net.outageherald.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Duration base = Duration.ofSeconds(2);
    private final Duration cap = Duration.ofMinutes(5);

    @Test
    void waitDoublesPerAttemptBetweenHalfAndAllOfTheStep() {
        // GIVEN the lowest and the highest jitter
        Backoff low = new Backoff(base, cap, () -> 0.0);
        Backoff high = new Backoff(base, cap, () -> 0.999_999);

        // THEN attempt n waits between half and all of base * 2^(n-1)
        assertThat(low.delay(1, null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(high.delay(1, null)).isEqualTo(Duration.ofSeconds(2).minusMillis(1));
        assertThat(low.delay(4, null)).isEqualTo(Duration.ofSeconds(8));
        assertThat(high.delay(4, null)).isEqualTo(Duration.ofSeconds(16).minusMillis(1));
    }

    @Test
    void waitNeverExceedsTheCap() {
        Backoff high = new Backoff(base, cap, () -> 0.999_999);
        // a hundred attempts in: still at most the cap, and no overflow
        assertThat(high.delay(100, null)).isLessThanOrEqualTo(cap).isGreaterThan(cap.dividedBy(2));
        assertThat(high.delay(Integer.MAX_VALUE, null)).isLessThanOrEqualTo(cap);
    }

    @Test
    void platformsRetryAfterWinsOverTheSchedule() {
        Backoff any = new Backoff(base, cap, () -> 0.5);
        assertThat(any.delay(1, Duration.ofSeconds(37))).isEqualTo(Duration.ofSeconds(37));
    }
}
