package net.outageherald.outbox;

import static net.outageherald.testing.NotifyHarness.dc;
import static net.outageherald.testing.NotifyHarness.tg;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.outageherald.model.EventType;
import net.outageherald.model.Platform;
import net.outageherald.model.Target;
import net.outageherald.testing.MutableClock;
import net.outageherald.testing.NotifyHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The platforms' published limits, on an injected clock: no sleeping. */
class RateLimitTest {

    @TempDir
    Path dir;
    private NotifyHarness h;

    @AfterEach
    void close() {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void fanOutGoesAsFastAsTheGlobalLimitAllowsAndNoFaster() {
        // GIVEN 100 private Telegram chats following one target, at Telegram's 30 messages a second
        h = new NotifyHarness(dir, NotifyConfig.defaults().withConsoleEnabled(false));
        for (int i = 1; i <= 100; i++) {
            h.subscriptions.subscribe(tg(String.valueOf(i)), new Target.As(1));
        }
        h.outageStarted("AS1");

        // WHEN delivered at one instant, and then second by second
        int first = h.notifier.drainOnce();
        h.clock.advance(Duration.ofSeconds(1));
        int second = h.notifier.drainOnce();
        h.clock.advance(Duration.ofSeconds(1));
        int third = h.notifier.drainOnce();
        h.clock.advance(Duration.ofSeconds(1));
        h.notifier.drainOnce();

        // THEN 30 go at once, 30 more each second, all 100 by the fourth
        assertThat(h.telegram.delivered()).hasSize(100);
        assertThat(List.of(first, second, third)).containsExactly(30, 30, 30);
    }

    @Test
    void aChatAtTwentyMessagesAMinuteGetsTwentyAtOnceThenOneEveryThreeSecondsInOrder() {
        // GIVEN an operator chat allowed 20 messages a minute, and 25 monitoring notices for it
        h = new NotifyHarness(dir, NotifyConfig.defaults().withConsoleEnabled(false)
                .withPlatform(Platform.TELEGRAM, new NotifyConfig.PlatformLimits(NotifyConfig.Rate.perSecond(30),
                        new NotifyConfig.Rate(20, Duration.ofMinutes(1)), null, 8))
                .withOperators(List.of(tg("7"))));
        for (int i = 0; i < 25; i++) {
            h.monitoring(EventType.MONITORING_DEGRADED, "AS" + (i + 1));
        }

        // WHEN delivered now, and 3 s later
        h.notifier.drainOnce();
        int now = h.telegram.delivered().size();
        h.clock.advance(Duration.ofSeconds(3));
        h.notifier.drainOnce();

        // THEN 20 went at once and one more after 3 s (20 a minute), in their order
        assertThat(now).isEqualTo(20);
        assertThat(h.telegram.linesTo("7")).hasSize(21)
                .extracting(l -> l.substring(l.indexOf("AS"), l.indexOf(" #")))
                .startsWith("AS1", "AS2", "AS3");
    }

    @Test
    void destinationsThatTheChatKindsCallGroupsGetTheGroupRate() {
        // GIVEN a platform whose groups may get 20 messages a minute and its other chats one a second
        var clock = new MutableClock(NotifyHarness.T0);
        ChatKinds groupSeven = d -> d.id().equals("-7");
        var limiter = new RateLimiter(new NotifyConfig.PlatformLimits(null, NotifyConfig.Rate.perSecond(1),
                new NotifyConfig.Rate(20, Duration.ofMinutes(1)), 1), groupSeven, clock);

        // THEN the group takes 20 at once, then waits its 3 s, while the chat beside it has its own second
        for (int i = 0; i < 20; i++) {
            assertThat(limiter.tryAcquire(tg("-7")).granted()).isTrue();
        }
        assertThat(limiter.tryAcquire(tg("-7"))).satisfies(p -> {
            assertThat(p.global()).isFalse();
            assertThat(p.delay()).isBetween(Duration.ofMillis(2900), Duration.ofSeconds(3));
        });
        assertThat(limiter.tryAcquire(tg("7")).granted()).isTrue();
        assertThat(limiter.tryAcquire(tg("7")).delay()).isBetween(Duration.ofMillis(900), Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(3));
        assertThat(limiter.tryAcquire(tg("-7")).granted()).isTrue();
    }

    @Test
    void withoutGroupsEveryDestinationGetsTheChatRate() {
        var clock = new MutableClock(NotifyHarness.T0);
        var limiter = new RateLimiter(new NotifyConfig.PlatformLimits(null, NotifyConfig.Rate.perSecond(1),
                new NotifyConfig.Rate(20, Duration.ofMinutes(1)), 1), ChatKinds.NO_GROUPS, clock);

        assertThat(limiter.tryAcquire(dc("77")).granted()).isTrue();
        assertThat(limiter.tryAcquire(dc("77")).delay()).isBetween(Duration.ofMillis(900), Duration.ofSeconds(1));
    }

    @Test
    void telegramGroupGetsTwentyMessagesAMinute() {
        // GIVEN an operator group, and 25 monitoring notices for it
        h = new NotifyHarness(dir, NotifyConfig.defaults().withConsoleEnabled(false).withOperators(List.of(tg("-7"))));
        for (int i = 0; i < 25; i++) {
            h.monitoring(EventType.MONITORING_DEGRADED, "AS" + (i + 1));
        }

        // WHEN delivered now, and 3 s later
        h.notifier.drainOnce();
        int now = h.telegram.delivered().size();
        h.clock.advance(Duration.ofSeconds(3));
        h.notifier.drainOnce();

        // THEN 20 went at once and one more after 3 s (20 a minute, Telegram's group rule), in their order
        assertThat(now).isEqualTo(20);
        assertThat(h.telegram.linesTo("-7")).hasSize(21)
                .extracting(l -> l.substring(l.indexOf("AS"), l.indexOf(" #")))
                .startsWith("AS1", "AS2", "AS3");
    }

    @Test
    void telegramPrivateChatGetsOneMessageASecond() {
        h = new NotifyHarness(dir, NotifyConfig.defaults().withConsoleEnabled(false).withOperators(List.of(tg("7"))));
        h.monitoring(EventType.MONITORING_DEGRADED, "AS1");
        h.monitoring(EventType.MONITORING_RECOVERED, "AS1");

        h.notifier.drainOnce();
        assertThat(h.telegram.delivered()).hasSize(1);
        h.clock.advance(Duration.ofSeconds(1));
        h.notifier.drainOnce();
        assertThat(h.telegram.delivered()).hasSize(2);
    }

    @Test
    void discordChannelGetsFiveEveryFiveSeconds() {
        h = new NotifyHarness(dir, NotifyConfig.defaults().withConsoleEnabled(false).withOperators(List.of(dc("77"))));
        for (int i = 0; i < 8; i++) {
            h.monitoring(EventType.MONITORING_DEGRADED, "AS" + (i + 1));
        }
        h.notifier.drainOnce();
        assertThat(h.discord.delivered()).hasSize(5);
        h.clock.advance(Duration.ofSeconds(1));
        h.notifier.drainOnce();
        assertThat(h.discord.delivered()).hasSize(6);
        h.clock.advance(Duration.ofSeconds(2));
        h.notifier.drainOnce();
        assertThat(h.discord.delivered()).hasSize(8);
    }

    @Test
    void limiterSaysWhichLimitMadeItWait() {
        var clock = new MutableClock(NotifyHarness.T0);
        var limiter = new RateLimiter(new NotifyConfig.PlatformLimits(NotifyConfig.Rate.perSecond(2),
                NotifyConfig.Rate.perSecond(1), new NotifyConfig.Rate(20, Duration.ofMinutes(1)), 1), ChatKinds.NO_GROUPS,
                clock);

        assertThat(limiter.tryAcquire(tg("1")).granted()).isTrue();
        // the same chat again: its own limit, about a second
        assertThat(limiter.tryAcquire(tg("1"))).satisfies(p -> {
            assertThat(p.global()).isFalse();
            assertThat(p.delay()).isBetween(Duration.ofMillis(900), Duration.ofSeconds(1));
        });
        assertThat(limiter.tryAcquire(tg("2")).granted()).isTrue();
        // a third chat: the global limit of 2 a second
        assertThat(limiter.tryAcquire(tg("3"))).satisfies(p -> assertThat(p.global()).isTrue());
        clock.advance(Duration.ofMillis(500));
        assertThat(limiter.tryAcquire(tg("3")).granted()).isTrue();
    }
}
