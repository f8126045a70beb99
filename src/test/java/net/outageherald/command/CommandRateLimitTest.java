package net.outageherald.command;

import static net.outageherald.command.CommandRateLimit.Verdict.ANSWER;
import static net.outageherald.command.CommandRateLimit.Verdict.DROP;
import static net.outageherald.command.CommandRateLimit.Verdict.WARN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.outageherald.command.CommandRateLimit.Verdict;
import net.outageherald.model.Platform;
import net.outageherald.testing.MutableClock;
import org.junit.jupiter.api.Test;

/** Ten commands a minute per person and platform; one polite reply past that, then silence until the minute is over. */
class CommandRateLimitTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2014-12-22T16:15:00Z"));
    private final CommandRateLimit limit = new CommandRateLimit(clock);

    @Test
    void tenAreAnsweredTheEleventhIsToldOnceTheRestAreDropped() {
        List<Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            verdicts.add(limit.check(Platform.TELEGRAM, "555"));
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(verdicts.subList(0, 10)).containsOnly(ANSWER);
        assertThat(verdicts.get(10)).isEqualTo(WARN);
        assertThat(verdicts.subList(11, 30)).containsOnly(DROP);
    }

    @Test
    void theWindowComesBackWholeAfterAMinuteAndAnotherFloodIsToldAgain() {
        for (int i = 0; i < 12; i++) {
            limit.check(Platform.TELEGRAM, "555");
        }
        clock.advance(Duration.ofSeconds(59));
        assertThat(limit.check(Platform.TELEGRAM, "555")).isEqualTo(DROP);
        clock.advance(Duration.ofSeconds(1));

        List<Verdict> next = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            next.add(limit.check(Platform.TELEGRAM, "555"));
        }
        assertThat(next.subList(0, 10)).containsOnly(ANSWER);
        assertThat(next.subList(10, 12)).containsExactly(WARN, DROP);
    }

    @Test
    void eachPersonOnEachPlatformHasTheirOwnLimit() {
        for (int i = 0; i < 11; i++) {
            limit.check(Platform.TELEGRAM, "555");
        }

        assertThat(limit.check(Platform.TELEGRAM, "555")).isEqualTo(DROP);
        assertThat(limit.check(Platform.TELEGRAM, "556")).isEqualTo(ANSWER);
        assertThat(limit.check(Platform.DISCORD, "555")).isEqualTo(ANSWER);
    }

    @Test
    void theReplySaysWhatToDo() {
        Reply r = CommandRateLimit.slowDown();

        assertThat(r.ok()).isFalse();
        assertThat(r.message().summary()).isEqualTo("You're sending commands quickly; try again in a minute.");
    }

    @Test
    void manyPeopleDoNotPileUp() {
        for (int i = 0; i < 50_000; i++) {
            assertThat(limit.check(Platform.DISCORD, Integer.toString(i))).isEqualTo(ANSWER);
            clock.advance(Duration.ofMillis(5)); // a new person every 5 ms: each window is long over by the sweep
        }
        assertThat(limit.check(Platform.DISCORD, "0")).isEqualTo(ANSWER);
    }
}
