package net.outageherald.chat.telegram;

import static net.outageherald.testing.NotifyHarness.tg;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.outageherald.model.Platform;
import net.outageherald.outbox.NotifyConfig;
import net.outageherald.outbox.RateLimiter;
import net.outageherald.testing.MutableClock;
import net.outageherald.testing.NotifyHarness;
import org.junit.jupiter.api.Test;

/** Telegram's group rule, and what it does to the rate limiter with Telegram's published limits. */
class TelegramChatKindsTest {

    private final TelegramChatKinds kinds = new TelegramChatKinds();

    @Test
    void groupsAndChannelsHaveNegativeIdsOrAPublicNameAndPrivateChatsPositiveIds() {
        assertThat(kinds.isGroup(tg("-7"))).isTrue();
        assertThat(kinds.isGroup(tg("-1001234567890"))).isTrue();
        assertThat(kinds.isGroup(tg("@nk_watch"))).isTrue();
        assertThat(kinds.isGroup(tg("7"))).isFalse();
        assertThat(kinds.isGroup(tg("111"))).isFalse();
    }

    @Test
    void aTelegramGroupGetsTwentyMessagesAMinuteAndAPrivateChatOneASecond() {
        // GIVEN Telegram's default limits, on a hand-moved clock
        MutableClock clock = new MutableClock(NotifyHarness.T0);
        RateLimiter limiter = new RateLimiter(NotifyConfig.defaults().limits(Platform.TELEGRAM), kinds, clock);

        // THEN a group takes 20 at once, and the 21st waits 3 s (20 a minute)
        for (int i = 0; i < 20; i++) {
            assertThat(limiter.tryAcquire(tg("-7")).delay()).isZero();
        }
        assertThat(limiter.tryAcquire(tg("-7")).delay()).isBetween(Duration.ofMillis(2900), Duration.ofSeconds(3));
        // AND a private chat takes one, and the next waits a second
        assertThat(limiter.tryAcquire(tg("7")).delay()).isZero();
        assertThat(limiter.tryAcquire(tg("7")).delay()).isBetween(Duration.ofMillis(900), Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(3));
        assertThat(limiter.tryAcquire(tg("-7")).delay()).isZero();
        assertThat(limiter.tryAcquire(tg("7")).delay()).isZero();
    }
}
