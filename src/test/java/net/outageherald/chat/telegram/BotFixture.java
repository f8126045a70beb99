package net.outageherald.chat.telegram;

import net.outageherald.testing.MutableClock;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A front end running against a {@link FakeBotApi}, with helpers to wait for its answers. */
final class BotFixture implements AutoCloseable {

    final FakeBotApi api;
    final FakeChatCommands commands = new FakeChatCommands();
    final MutableClock clock = new MutableClock(Instant.parse("2014-12-22T16:15:00Z"));
    final TelegramFrontEnd frontEnd;

    BotFixture(String token) throws IOException {
        api = new FakeBotApi();
        frontEnd = new TelegramFrontEnd(api.config(token), commands, clock);
    }

    static BotFixture started() throws IOException {
        BotFixture f = new BotFixture(FakeBotApi.TOKEN);
        f.frontEnd.start();
        return f;
    }

    /** The sendMessage that answered message {@code messageId} in {@code chatId}, once it arrives. */
    JsonNode replyTo(long chatId, int messageId) {
        return await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                .until(() -> findReply(chatId, messageId), Optional::isPresent).orElseThrow();
    }

    /** The reply's text with Telegram's HTML entities decoded, as a person would read it. */
    String replyTextTo(long chatId, int messageId) {
        return replyTo(chatId, messageId).path("text").asText()
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }

    Optional<JsonNode> findReply(long chatId, int messageId) {
        return api.calls("sendmessage").stream().map(FakeBotApi.Call::body)
                .filter(b -> b.path("chat_id").asText().equals(Long.toString(chatId)))
                .filter(b -> b.path("reply_parameters").path("message_id").asInt() == messageId)
                .findFirst();
    }

    List<JsonNode> sent() {
        return api.calls("sendmessage").stream().map(FakeBotApi.Call::body).toList();
    }

    @Override
    public void close() throws IOException {
        frontEnd.stop();
        api.close();
    }
}
