package net.outageherald.chat.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.time.Instant;
import net.outageherald.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Two instances of one bot: only the one told to poll takes updates, and handing polling over ends the
 * first's getUpdates before the second's starts (Telegram answers 409 Conflict to two at once).
 */
class PollingHandOverTest {

    private static final long USER = 4242;

    @Test
    void pollingMovesBetweenTwoFrontEndsWithNeverTwoConsumersAndNoErrorLogged() throws Exception {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logs.start();
        root.addAppender(logs);
        MutableClock clock = new MutableClock(Instant.parse("2014-12-22T16:15:00Z"));
        try (FakeBotApi api = new FakeBotApi();
             TelegramFrontEnd a = new TelegramFrontEnd(api.config(FakeBotApi.TOKEN), new FakeChatCommands(), clock);
             TelegramFrontEnd b = new TelegramFrontEnd(api.config(FakeBotApi.TOKEN), new FakeChatCommands(), clock)) {
            // GIVEN a polls and b, connected, only sends
            b.poll(false);
            a.start();
            b.start();
            assertThat(b.state()).isEqualTo(TelegramFrontEnd.State.RUNNING);
            awaitMorePolls(api);

            // WHEN polling moves from one to the other and back, five times
            TelegramFrontEnd from = a;
            TelegramFrontEnd to = b;
            for (int i = 0; i < 5; i++) {
                from.poll(false);
                to.poll(true);
                awaitMorePolls(api);
                TelegramFrontEnd t = from;
                from = to;
                to = t;
            }

            // THEN a command is answered once, by the one polling
            api.push(TelegramJson.privateMessage(7, USER, "/help"));
            await().atMost(Duration.ofSeconds(10)).until(() -> replies(api, 7) == 1);
            // and no consumer ever met a 409 (telegrambots logs each as an ERROR), nor an error for the poll we ended
            assertThat(logs.list).noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.ERROR));
            System.out.println("409s answered to getUpdates already abandoned: " + api.conflicts());
        } finally {
            root.detachAppender(logs);
        }
    }

    private static void awaitMorePolls(FakeBotApi api) {
        int before = api.calls("getupdates").size();
        await().atMost(Duration.ofSeconds(10)).until(() -> api.calls("getupdates").size() >= before + 2);
    }

    private static long replies(FakeBotApi api, int messageId) {
        return api.calls("sendmessage").stream()
                .filter(c -> c.body().path("reply_parameters").path("message_id").asInt() == messageId).count();
    }
}
