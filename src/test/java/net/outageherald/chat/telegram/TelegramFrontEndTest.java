package net.outageherald.chat.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import net.outageherald.model.Status;
import net.outageherald.model.Delivery;
import net.outageherald.model.Destination;
import net.outageherald.model.Message;
import net.outageherald.model.Platform;
import net.outageherald.outbox.SendResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Starting and stopping: no token, a rejected token, an unreachable API, and the token kept out of logs. */
class TelegramFrontEndTest {

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void captureLogs() {
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        root.detachAppender(logs);
    }

    @Test
    void startRegistersEveryCommandAndStartsPolling() throws IOException {
        try (BotFixture bot = BotFixture.started()) {
            assertThat(bot.frontEnd.state()).isEqualTo(TelegramFrontEnd.State.RUNNING);
            JsonNode commands = bot.api.calls("setmycommands").get(0).body().path("commands");
            assertThat(StreamSupport.stream(commands.spliterator(), false).map(c -> c.path("command").asText()))
                    .containsExactly("start", "help", "status", "subscribe", "unsubscribe", "subscriptions", "history",
                            "chart");
            assertThat(commands).allSatisfy(c -> assertThat(c.path("description").asText()).isNotBlank().hasSizeLessThan(257));
            await().until(() -> bot.api.calls("getupdates").size() >= 2);
            JsonNode poll = bot.api.calls("getupdates").get(0).body();
            assertThat(poll.path("timeout").asInt()).isEqualTo(1);
            assertThat(poll.path("allowed_updates").toString()).contains("message").contains("channel_post");
        }
    }

    @Test
    void withoutATokenTheBotIsOffAndSaysSoOnce() throws IOException {
        try (BotFixture bot = new BotFixture(null)) {
            assertThat(bot.frontEnd.start()).isEqualTo(TelegramFrontEnd.State.NO_TOKEN);
            assertThat(bot.frontEnd.start()).isEqualTo(TelegramFrontEnd.State.NO_TOKEN);

            assertThat(bot.frontEnd.sender()).isEmpty();
            assertThat(bot.api.calls()).isEmpty();
            assertThat(messages(Level.INFO)).filteredOn(m -> m.contains("no bot token")).hasSize(1);
        }
    }

    @Test
    void aRejectedTokenIsOneClearErrorAndNoException() throws IOException {
        try (BotFixture bot = new BotFixture("999999:AAwrong-token-value")) {
            assertThatCode(() -> assertThat(bot.frontEnd.start()).isEqualTo(TelegramFrontEnd.State.BAD_TOKEN))
                    .doesNotThrowAnyException();

            assertThat(bot.api.calls()).extracting(FakeBotApi.Call::method).containsExactly("getme");
            assertThat(messages(Level.ERROR)).singleElement().satisfies(m -> assertThat(m)
                    .contains("rejected the bot token").contains("999999").contains("TELEGRAM_BOT_TOKEN")
                    .doesNotContain("AAwrong-token-value"));
        }
    }

    @Test
    void aRejectedTokenKeepsOutboxMessagesForLater() throws IOException {
        try (BotFixture bot = new BotFixture("999999:AAwrong-token-value")) {
            bot.frontEnd.start();
            Delivery d = new Delivery(1, new Destination(Platform.TELEGRAM, "12345"), Delivery.Action.SEND,
                    Message.text(Status.DOWN, "X is offline", ""), null);

            assertThat(bot.frontEnd.sender().orElseThrow().send(d)).isInstanceOf(SendResult.Retry.class);
        }
    }

    @Test
    void anUnreachableApiAtStartIsRetriedInTheBackground() throws IOException {
        try (BotFixture bot = new BotFixture(FakeBotApi.TOKEN)) {
            bot.api.on("getme", b -> FakeBotApi.error(502, "Bad Gateway", null));

            assertThat(bot.frontEnd.start()).isEqualTo(TelegramFrontEnd.State.CONNECTING);
            bot.api.on("getme", b -> FakeBotApi.ok(TelegramJson.user(FakeBotApi.BOT_ID, "Outage Herald", "HeraldBot", true)));

            await().atMost(Duration.ofSeconds(10)).until(() -> bot.frontEnd.state() == TelegramFrontEnd.State.RUNNING);
            assertThat(messages(Level.WARN)).filteredOn(m -> m.contains("cannot reach the Bot API")).hasSize(1);
        }
    }

    @Test
    void stopEndsPollingAndIsSafeToRepeat() throws IOException {
        try (BotFixture bot = BotFixture.started()) {
            bot.frontEnd.stop();
            bot.frontEnd.stop();
            int polls = bot.api.calls("getupdates").size();

            bot.api.push(TelegramJson.privateMessage(1, 5, "/help"));

            assertThat(bot.frontEnd.state()).isEqualTo(TelegramFrontEnd.State.STOPPED);
            assertThat(bot.api.calls("getupdates")).hasSize(polls);
            await().until(() -> threads("telegram-poll").isEmpty());
        }
    }

    @Test
    void theTokenNeverReachesTheLogsEvenWhenEverythingFails() throws IOException {
        try (BotFixture bot = new BotFixture(FakeBotApi.TOKEN)) {
            bot.api.on("setmycommands", b -> FakeBotApi.error(500, "Internal Server Error", null));
            bot.api.on("sendmessage", b -> FakeBotApi.error(403, "Forbidden: bot was blocked by the user", null));
            bot.frontEnd.start();
            bot.api.push(TelegramJson.privateMessage(1, 5, "/help"));
            await().until(() -> !bot.api.calls("sendmessage").isEmpty());
            bot.api.on("getupdates", b -> FakeBotApi.error(502, "Bad Gateway", null));
            await().until(() -> messages(Level.ERROR).stream().anyMatch(m -> m.contains("GetUpdates")));
        }

        assertThat(logs.list).isNotEmpty();
        assertThat(logs.list).allSatisfy(e -> {
            assertThat(e.getFormattedMessage()).doesNotContain(FakeBotApi.TOKEN);
            assertThat(throwableText(e.getThrowableProxy())).doesNotContain(FakeBotApi.TOKEN);
        });
    }

    private List<String> messages(Level level) {
        return logs.list.stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage).toList();
    }

    private static String throwableText(IThrowableProxy t) {
        List<String> parts = new ArrayList<>();
        for (IThrowableProxy p = t; p != null; p = p.getCause()) {
            parts.add(p.getClassName() + ": " + p.getMessage());
        }
        return String.join(" | ", parts);
    }

    private static List<Thread> threads(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(prefix) && t.isAlive()).toList();
    }
}
