package net.outageherald.chat.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Whatever people type, they get a short reply, and the bot keeps going. */
class TelegramBadInputTest {

    private static final long USER = 777;
    private static final long GROUP = -1_001_000_000_400L;
    private static final long OTHER = 9_000;

    /** One bad input and a word the reply must contain. */
    private record Case(String text, String expected) {
    }

    private static final List<Case> CASES = List.of(
            new Case("/status", "No target given"),
            new Case("/status   ", "No target given"),
            new Case("/history", "No target given"),
            new Case("/subscribe", "No target given"),
            new Case("/unsubscribe", "No target given"),
            new Case("/status Atlantis", "not an AS, a prefix or a country"),
            new Case("/status Narnia", "Use an AS number"),
            new Case("/status 131279", "bare number"),
            new Case("/status AS99999999999", "Use an AS number"),
            new Case("/status 175.45.176.0/33", "Use an AS number"),
            new Case("/status 10.0.0.1", "without a length"),
            new Case("/status " + "x".repeat(3000), "too long"),
            new Case("/status 🇰🇵💥🔥", "not an AS, a prefix or a country"),
            new Case("/status Северная Корея", "not an AS, a prefix or a country"),
            new Case("/status <b>KP</b>", "<b>KP</b>"),
            new Case("/status '; DROP TABLE subscriptions; --", "DROP TABLE"),
            new Case("/status <a href=\"http://evil\">x</a> & <script>", "<script>"),
            new Case("/status\nKP\nAS1", "not an AS, a prefix or a country"),
            new Case("/foo", "Unknown command /foo"),
            new Case("/STATUS_NOT", "Unknown command /status_not"),
            new Case("/статус KP", "Unknown command /статус"),
            new Case("/😀", "Unknown command"),
            new Case("/" + "a".repeat(200), "Unknown command"),
            new Case("/", "only understand commands"),
            new Case("/ status KP", "only understand commands"),
            new Case("hello bot", "only understand commands"),
            new Case("<b>hi</b> & 'quotes'", "only understand commands"),
            new Case("💥", "only understand commands"));

    private static BotFixture bot;

    @BeforeAll
    static void start() throws IOException {
        bot = BotFixture.started();
    }

    @AfterAll
    static void stop() throws IOException {
        bot.close();
    }

    @Test
    void everyBadInputInAPrivateChatGetsAHelpfulReply() {
        // one person each: a single one would reach the limit on commands a minute
        for (int i = 0; i < CASES.size(); i++) {
            bot.api.push(TelegramJson.privateMessage(100 + i, USER + i, CASES.get(i).text()));
        }

        for (int i = 0; i < CASES.size(); i++) {
            Case c = CASES.get(i);
            String html = bot.replyTo(USER + i, 100 + i).path("text").asText();
            assertThat(html).as(c.text()).startsWith("⚠️ <b>").hasSizeLessThan(TelegramRenderer.MAX_LENGTH);
            assertThat(html.replaceAll("</?(b|i)>", "")).as(c.text()).doesNotContain("<").doesNotContain(">");
            assertThat(bot.replyTextTo(USER + i, 100 + i)).as(c.text()).contains(c.expected());
        }
        assertThat(bot.frontEnd.state()).isEqualTo(TelegramFrontEnd.State.RUNNING);
    }

    @Test
    void badInputInAGroupIsAnsweredToo() {
        bot.api.push(TelegramJson.groupMessage(300, GROUP, OTHER, "/status@HeraldBot <b>"));
        bot.api.push(TelegramJson.groupMessage(301, GROUP, OTHER, "/nonsense@HeraldBot"));
        bot.api.push(TelegramJson.groupMessage(302, GROUP, OTHER, "/history"));

        assertThat(bot.replyTextTo(GROUP, 300)).contains("'<b>' is not an AS");
        assertThat(bot.replyTextTo(GROUP, 301)).contains("Unknown command /nonsense").contains("/status");
        assertThat(bot.replyTextTo(GROUP, 302)).contains("No target given");
    }

    @Test
    void updatesThatAreNoTextMessagesAreIgnored() {
        var photo = TelegramJson.privateMessage(400, OTHER + 1, "x");
        photo.withObject("message").remove("text");
        photo.withObject("message").set("photo", TelegramJson.JSON.createArrayNode());
        bot.api.push(photo);
        bot.api.push(TelegramJson.JSON.createObjectNode().set("edited_message",
                TelegramJson.privateMessage(401, OTHER + 1, "/status KP").get("message")));
        bot.api.push(TelegramJson.privateMessage(402, OTHER + 1, "/help"));

        bot.replyTo(OTHER + 1, 402);

        assertThat(bot.findReply(OTHER + 1, 400)).isEmpty();
        assertThat(bot.findReply(OTHER + 1, 401)).isEmpty();
    }
}
