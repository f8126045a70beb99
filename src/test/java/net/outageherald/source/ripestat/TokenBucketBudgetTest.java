package net.outageherald.source.ripestat;

import net.outageherald.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenBucketBudgetTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-06-11T16:03:00Z"));
    private final RecordingSleeper sleeper = new RecordingSleeper();

    @Test
    void allowsABurstOfOneMinutesWorthThenRefusesWithoutWaiting() {
        // GIVEN a budget of 3 requests per minute
        TokenBucketBudget budget = new TokenBucketBudget(3, Duration.ofSeconds(30), clock, sleeper);

        // WHEN four are asked for at once, without waiting
        // THEN three are granted and the fourth is not
        assertThat(budget.tryAcquire()).isTrue();
        assertThat(budget.tryAcquire()).isTrue();
        assertThat(budget.tryAcquire()).isTrue();
        assertThat(budget.tryAcquire()).isFalse();
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void refillsGreedilyAsTheInjectedClockMoves() {
        // GIVEN an empty budget of 60 per minute
        TokenBucketBudget budget = new TokenBucketBudget(60, Duration.ofSeconds(30), clock, sleeper);
        while (budget.tryAcquire()) {
            // drain it
        }

        // WHEN one second passes on the injected clock
        clock.advance(Duration.ofSeconds(1));

        // THEN exactly one token came back, not a whole minute's worth at once
        assertThat(budget.availableTokens()).isEqualTo(1);
        assertThat(budget.tryAcquire()).isTrue();
        assertThat(budget.tryAcquire()).isFalse();
    }

    @Test
    void blockingAcquireWaitsForTheNextTokenWithinTheBound() throws InterruptedException {
        // GIVEN an empty budget of 60 per minute, where the next token is one second away
        TokenBucketBudget budget = new TokenBucketBudget(60, Duration.ofSeconds(30), clock, sleeper);
        while (budget.tryAcquire()) {
            // drain it
        }

        // WHEN a caller asks and is prepared to wait
        boolean granted = budget.acquire();

        // THEN it is granted after waiting about that second
        assertThat(granted).isTrue();
        assertThat(sleeper.waits()).hasSize(1);
        assertThat(sleeper.waits().get(0)).isBetween(Duration.ofMillis(900), Duration.ofSeconds(1));
    }

    @Test
    void blockingAcquireGivesUpWhenTheWaitWouldExceedTheBound() throws InterruptedException {
        // GIVEN an empty budget of 1 per minute and callers who wait 10 seconds at most
        TokenBucketBudget budget = new TokenBucketBudget(1, Duration.ofSeconds(10), clock, sleeper);
        assertThat(budget.tryAcquire()).isTrue();

        // WHEN another caller asks
        // THEN it is refused at once instead of waiting a minute
        assertThat(budget.acquire()).isFalse();
        assertThat(sleeper.waits()).isEmpty();
    }
}
