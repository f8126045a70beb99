package net.outageherald.chat.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /chart through the fake Bot API: a photo answering the command, or the reason in words. */
class TelegramChartCommandTest {

    private static final long USER = 555;
    private static final long GROUP = -1_001_000_000_200L;

    private BotFixture bot;

    @BeforeEach
    void setUp() throws IOException {
        bot = BotFixture.started();
    }

    @AfterEach
    void tearDown() throws IOException {
        bot.close();
    }

    @Test
    void chartIsAPhotoWithItsCaptionAnsweringTheCommand() {
        bot.api.push(TelegramJson.groupMessage(7, GROUP, USER, "/chart KP"));

        JsonNode photo = await().atMost(Duration.ofSeconds(10)).until(() -> bot.api.calls("sendPhoto"),
                calls -> !calls.isEmpty()).get(0).body();

        assertThat(photo.path("chat_id").asText()).isEqualTo(Long.toString(GROUP));
        assertThat(photo.path("caption").asText()).contains("<b>Visibility of North Korea (KP)</b>");
        assertThat(photo.path("parse_mode").asText()).isEqualTo("HTML");
        assertThat(photo.path("reply_parameters").path("message_id").asInt()).isEqualTo(7);
        assertThat(photo.path("_files").get(0).path("png").asBoolean()).isTrue();
        assertThat(bot.commands.calls).contains("chart KP");
        assertThat(bot.api.calls("sendMessage")).isEmpty();
    }

    @Test
    void aTargetWithoutHistoryIsAnsweredInWords() {
        bot.api.push(TelegramJson.privateMessage(8, USER, "/chart AS64500"));

        assertThat(bot.replyTextTo(USER, 8)).contains("AS64500 is not watched", "subscribe first");
        assertThat(bot.api.calls("sendPhoto")).isEmpty();
    }

    @Test
    void aChatThatRefusesPhotosGetsTheTextInstead() {
        bot.api.on("sendPhoto", body -> FakeBotApi.error(400, "Bad Request: not enough rights to send photos to the chat",
                null));
        bot.api.push(TelegramJson.groupMessage(9, GROUP, USER, "/chart KP"));

        assertThat(bot.replyTextTo(GROUP, 9)).contains("Visibility of North Korea (KP)");
    }

    @Test
    void chartIsInTheCommandMenu() {
        await().atMost(Duration.ofSeconds(10)).until(() -> !bot.api.calls("setMyCommands").isEmpty());
        JsonNode commands = bot.api.calls("setMyCommands").get(0).body().path("commands");

        assertThat(commands.findValuesAsText("command")).contains("chart");
    }
}
