package net.outageherald.chat.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ser.DefaultSerializerProvider;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import net.outageherald.model.Status;
import net.outageherald.model.Delivery;
import net.outageherald.model.Destination;
import net.outageherald.model.Message;
import net.outageherald.model.Platform;
import net.outageherald.outbox.NotifyConfig;
import net.outageherald.outbox.SendResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;

class TelegramSenderTest {

    private static final Destination CHANNEL = new Destination(Platform.TELEGRAM, "-1001234567890");
    private static final Message OUTAGE = new Message(Status.DOWN, "North Korea (KP) is offline",
            "AS131279 Star Joint Venture: all 4 prefixes withdrawn.",
            List.of(new Message.Field("Prefixes", "175.45.176.0/24, 175.45.177.0/24", false)),
            Instant.parse("2014-12-22T16:15:00Z"), "https://stat.ripe.net/AS131279", "Data: RIPE NCC RIS");

    private FakeBotApi api;
    private TelegramHttp http;
    private TelegramSender sender;
    private OkHttpTelegramClient client;
    private TelegramBotToken token;

    @BeforeEach
    void setUp() throws IOException {
        api = new FakeBotApi();
        http = new TelegramHttp(Duration.ofSeconds(1), Duration.ofSeconds(1));
        TelegramConfig config = api.config(FakeBotApi.TOKEN);
        client = new OkHttpTelegramClient(http.calls(), FakeBotApi.TOKEN, TelegramFrontEnd.telegramUrl(config));
        token = config.token();
        sender = new TelegramSender(client, new TelegramRenderer(), token);
    }

    @AfterEach
    void tearDown() throws IOException {
        http.close();
        api.close();
    }

    @Test
    void sendPostsHtmlWithoutLinkPreviewAndReturnsTheMessageId() {
        SendResult result = sender.send(new Delivery(1, CHANNEL, Delivery.Action.SEND, OUTAGE, null));

        assertThat(result).isEqualTo(new SendResult.Sent("1000"));
        JsonNode body = api.calls("sendMessage").get(0).body();
        assertThat(body.path("chat_id").asText()).isEqualTo("-1001234567890");
        assertThat(body.path("parse_mode").asText()).isEqualTo("HTML");
        assertThat(body.path("link_preview_options").path("is_disabled").asBoolean()).isTrue();
        assertThat(body.path("text").asText()).startsWith("🔴 <b>North Korea (KP) is offline</b>");
        assertThat(body.has("reply_parameters")).isFalse();
    }

    @Test
    void warmUpBuildsTheRequestsSerializersWithoutCallingTelegram() {
        // GIVEN a sender that knows the mapper its client writes requests with
        ObjectMapper requestJson = new ObjectMapper();
        TelegramSender warming = new TelegramSender(new OkHttpTelegramClient(requestJson, http.calls(),
                FakeBotApi.TOKEN, TelegramFrontEnd.telegramUrl(api.config(FakeBotApi.TOKEN))), new TelegramRenderer(),
                token, false, requestJson);
        int cachedBefore = serializersBuilt(requestJson);

        // WHEN it warms up on a sample outage, a reply and an edit
        warming.warmUp(new Delivery(1, CHANNEL, Delivery.Action.SEND, OUTAGE, null));
        warming.warmUp(new Delivery(2, CHANNEL, Delivery.Action.SEND, OUTAGE, "1000"));
        warming.warmUp(new Delivery(3, CHANNEL, Delivery.Action.EDIT, OUTAGE, "1000"));

        // THEN the mapper holds the requests' serializers, and nothing reached the Bot API
        assertThat(serializersBuilt(requestJson)).isGreaterThan(cachedBefore);
        assertThat(api.calls()).isEmpty();
    }

    private static int serializersBuilt(ObjectMapper mapper) {
        return ((DefaultSerializerProvider) mapper.getSerializerProvider()).cachedSerializersCount();
    }

    @Test
    void sendToAChannelByName() {
        Destination named = new Destination(Platform.TELEGRAM, "@nk_watch");

        assertThat(sender.send(new Delivery(1, named, Delivery.Action.SEND, OUTAGE, null))).isInstanceOf(SendResult.Sent.class);
        assertThat(api.calls("sendmessage").get(0).body().path("chat_id").asText()).isEqualTo("@nk_watch");
    }

    @Test
    void restorationRepliesToTheOutageMessageEvenIfItWasDeleted() {
        Message restored = Message.text(Status.UP, "North Korea (KP) is back online after 9 h 31 min", "4 of 4 prefixes visible.");

        SendResult result = sender.send(new Delivery(2, CHANNEL, Delivery.Action.SEND, restored, "1000"));

        assertThat(result).isInstanceOf(SendResult.Sent.class);
        JsonNode reply = api.calls("sendmessage").get(0).body().path("reply_parameters");
        assertThat(reply.path("message_id").asInt()).isEqualTo(1000);
        assertThat(reply.path("allow_sending_without_reply").asBoolean()).isTrue();
    }

    @Test
    void editChangesTheOriginalMessage() {
        Message resolved = Message.text(Status.UP, "Resolved: North Korea (KP) was offline for 9 h 31 min", "");

        SendResult result = sender.send(new Delivery(3, CHANNEL, Delivery.Action.EDIT, resolved, "1000"));

        assertThat(result).isEqualTo(new SendResult.Sent("1000"));
        JsonNode body = api.calls("editMessageText").get(0).body();
        assertThat(body.path("message_id").asInt()).isEqualTo(1000);
        assertThat(body.path("chat_id").asText()).isEqualTo("-1001234567890");
        assertThat(body.path("parse_mode").asText()).isEqualTo("HTML");
        assertThat(body.path("text").asText()).contains("Resolved");
    }

    @Test
    void editThatChangesNothingCountsAsDone() {
        api.on("editmessagetext", b -> FakeBotApi.error(400, "Bad Request: message is not modified: specified new message "
                + "content and reply markup are exactly the same as a current content and reply markup of the message", null));

        assertThat(sender.send(new Delivery(3, CHANNEL, Delivery.Action.EDIT, OUTAGE, "1000")))
                .isEqualTo(new SendResult.Sent("1000"));
    }

    @Test
    void editOfADeletedMessageIsNotRetriedAndKeepsTheSubscription() {
        api.on("editmessagetext", b -> FakeBotApi.error(400, "Bad Request: message to edit not found", null));

        assertThat(sender.send(new Delivery(3, CHANNEL, Delivery.Action.EDIT, OUTAGE, "1000"))).isInstanceOf(SendResult.Sent.class);
    }

    @Test
    void tooManyRequestsIsRetriedAfterTheTimeTelegramAsks() {
        api.on("sendmessage", b -> FakeBotApi.error(429, "Too Many Requests: retry after 3", "{\"retry_after\":3}"));

        SendResult result = sender.send(new Delivery(4, CHANNEL, Delivery.Action.SEND, OUTAGE, null));

        assertThat(result).isInstanceOf(SendResult.Retry.class);
        assertThat(((SendResult.Retry) result).retryAfter()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void blockedOrKickedIsPermanent() {
        api.on("sendmessage", b -> FakeBotApi.error(403, "Forbidden: bot was kicked from the supergroup chat", null));

        SendResult result = sender.send(new Delivery(5, CHANNEL, Delivery.Action.SEND, OUTAGE, null));

        assertThat(result).isInstanceOf(SendResult.Permanent.class);
        assertThat(((SendResult.Permanent) result).reason()).contains("403").contains("kicked");
    }

    @Test
    void aUserWhoBlockedTheBotOrDeletedTheAccountIsPermanent() {
        api.on("sendmessage", b -> FakeBotApi.error(403, "Forbidden: bot was blocked by the user", null));
        assertThat(sender.send(new Delivery(5, CHANNEL, Delivery.Action.SEND, OUTAGE, null)))
                .isInstanceOf(SendResult.Permanent.class);

        api.on("sendmessage", b -> FakeBotApi.error(403, "Forbidden: user is deactivated", null));
        assertThat(sender.send(new Delivery(5, CHANNEL, Delivery.Action.SEND, OUTAGE, null)))
                .isInstanceOf(SendResult.Permanent.class);
    }

    @Test
    void aRightTheBotLostPausesTheChatInsteadOfEndingIt() {
        api.on("sendmessage", b -> FakeBotApi.error(400, "Bad Request: not enough rights to send text messages to the chat",
                null));
        SendResult result = sender.send(new Delivery(14, CHANNEL, Delivery.Action.SEND, OUTAGE, null));
        assertThat(result).isInstanceOf(SendResult.Paused.class);
        assertThat(((SendResult.Paused) result).reason()).contains("not enough rights");

        api.on("sendmessage", b -> FakeBotApi.error(403, "Forbidden: CHAT_WRITE_FORBIDDEN", null));
        assertThat(sender.send(new Delivery(15, CHANNEL, Delivery.Action.SEND, OUTAGE, null)))
                .isInstanceOf(SendResult.Paused.class);

        // a 403 Telegram has not told us the meaning of: wait and tell the operator, never end anything
        api.on("sendmessage", b -> FakeBotApi.error(403, "Forbidden: something new", null));
        assertThat(sender.send(new Delivery(16, CHANNEL, Delivery.Action.SEND, OUTAGE, null)))
                .isInstanceOf(SendResult.Paused.class);
    }

    @Test
    void aMessageTelegramCanNeverTakeIsRejectedAloneNotRetriedForHours() {
        api.on("sendmessage", b -> FakeBotApi.error(400, "Bad Request: message is too long", null));
        SendResult tooLong = sender.send(new Delivery(17, CHANNEL, Delivery.Action.SEND, OUTAGE, null));
        assertThat(tooLong).isInstanceOf(SendResult.Rejected.class);
        assertThat(((SendResult.Rejected) tooLong).reason()).contains("400", "message is too long");

        api.on("sendmessage", b -> FakeBotApi.error(400, "Bad Request: can't parse entities: Unsupported start tag \"x\""
                + " at byte offset 3", null));
        assertThat(sender.send(new Delivery(18, CHANNEL, Delivery.Action.SEND, OUTAGE, null)))
                .isInstanceOf(SendResult.Rejected.class);

    }

    @Test
    void aBadRequestWeKnowNoMeaningOfIsRejectedForTheMessageNotRetriedAndNotTheChatsEnd() {
        // a 400 is about the request: the same request gets the same answer, so it is not retried for hours
        api.on("sendmessage", b -> FakeBotApi.error(400, "Bad Request: something new", null));
        SendResult unknown = sender.send(new Delivery(19, CHANNEL, Delivery.Action.SEND, OUTAGE, null));
        assertThat(unknown).isInstanceOf(SendResult.Rejected.class);
        assertThat(((SendResult.Rejected) unknown).reason()).contains("400", "something new");

        api.on("editmessagetext", b -> FakeBotApi.error(400, "Bad Request: field \"text\" must be encoded in UTF-8",
                null));
        assertThat(sender.send(new Delivery(22, CHANNEL, Delivery.Action.EDIT, OUTAGE, "41")))
                .isInstanceOf(SendResult.Rejected.class);

        // the 400s Telegram gives for the chat keep their meaning: gone, moved, or a right lost
        api.on("sendmessage", b -> FakeBotApi.error(400, "Bad Request: chat not found", null));
        assertThat(sender.send(new Delivery(23, CHANNEL, Delivery.Action.SEND, OUTAGE, null)))
                .isInstanceOf(SendResult.Permanent.class);
        api.on("sendmessage", b -> FakeBotApi.error(400, "Bad Request: group chat was upgraded to a supergroup chat",
                "{\"migrate_to_chat_id\":-1009876543210}"));
        assertThat(sender.send(new Delivery(24, CHANNEL, Delivery.Action.SEND, OUTAGE, null)))
                .isEqualTo(new SendResult.Moved("-1009876543210"));
        api.on("sendmessage", b -> FakeBotApi.error(400, "Bad Request: CHAT_ADMIN_REQUIRED", null));
        assertThat(sender.send(new Delivery(25, CHANNEL, Delivery.Action.SEND, OUTAGE, null)))
                .isInstanceOf(SendResult.Paused.class);
        // and a 5xx is still the moment's
        api.on("sendmessage", b -> FakeBotApi.error(500, "Internal Server Error", null));
        assertThat(sender.send(new Delivery(26, CHANNEL, Delivery.Action.SEND, OUTAGE, null)))
                .isInstanceOf(SendResult.Retry.class);
    }

    @Test
    void paidBroadcastIsAskedForOnlyWhenConfigured() {
        sender.send(new Delivery(20, CHANNEL, Delivery.Action.SEND, OUTAGE, null));
        assertThat(api.calls("sendmessage").get(0).body().has("allow_paid_broadcast")).isFalse();
        assertThat(sender.globalRate()).isEmpty();

        TelegramSender paid = new TelegramSender(client, new TelegramRenderer(), token, true);
        paid.send(new Delivery(21, CHANNEL, Delivery.Action.SEND, OUTAGE, null));
        assertThat(api.calls("sendmessage").get(1).body().path("allow_paid_broadcast").asBoolean()).isTrue();
        assertThat(paid.globalRate()).contains(NotifyConfig.Rate.perSecond(1000));
    }

    @Test
    void chatNotFoundIsPermanent() {
        api.on("sendmessage", b -> FakeBotApi.error(400, "Bad Request: chat not found", null));

        assertThat(sender.send(new Delivery(6, CHANNEL, Delivery.Action.SEND, OUTAGE, null))).isInstanceOf(SendResult.Permanent.class);
    }

    @Test
    void groupUpgradedToSupergroupMovesTheDestination() {
        api.on("sendmessage", b -> FakeBotApi.error(400, "Bad Request: group chat was upgraded to a supergroup chat",
                "{\"migrate_to_chat_id\":-1009876543210}"));
        Destination group = new Destination(Platform.TELEGRAM, "-4242");

        assertThat(sender.send(new Delivery(7, group, Delivery.Action.SEND, OUTAGE, null)))
                .isEqualTo(new SendResult.Moved("-1009876543210"));
    }

    @Test
    void serverErrorsAreRetried() {
        api.on("sendmessage", b -> FakeBotApi.error(500, "Internal Server Error", null));

        assertThat(sender.send(new Delivery(8, CHANNEL, Delivery.Action.SEND, OUTAGE, null))).isInstanceOf(SendResult.Retry.class);
    }

    @Test
    void aProxyErrorPageWithoutJsonIsRetried() {
        api.on("sendmessage", b -> new MockResponse.Builder().code(502).body("<html>Bad Gateway</html>").build());

        SendResult result = sender.send(new Delivery(9, CHANNEL, Delivery.Action.SEND, OUTAGE, null));

        assertThat(result).isInstanceOf(SendResult.Retry.class);
        assertThat(((SendResult.Retry) result).retryAfter()).isNull();
    }

    @Test
    void aDroppedConnectionIsRetriedAndTheReasonHasNoToken() {
        api.on("sendmessage", b -> new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());

        SendResult result = sender.send(new Delivery(10, CHANNEL, Delivery.Action.SEND, OUTAGE, null));

        assertThat(result).isInstanceOf(SendResult.Retry.class);
        assertThat(((SendResult.Retry) result).reason()).doesNotContain(FakeBotApi.TOKEN);
    }

    @Test
    void aCallThatTakesTooLongIsRetried() {
        api.on("sendmessage", b -> new MockResponse.Builder().headersDelay(3, java.util.concurrent.TimeUnit.SECONDS)
                .body("{\"ok\":true,\"result\":true}").build());

        SendResult result = sender.send(new Delivery(13, CHANNEL, Delivery.Action.SEND, OUTAGE, null));

        assertThat(result).isInstanceOf(SendResult.Retry.class);
        assertThat(((SendResult.Retry) result).reason()).startsWith("network:");
    }

    @Test
    void aRevokedTokenIsRetriedNotBlamedOnTheChat() {
        api.on("sendmessage", b -> FakeBotApi.error(401, "Unauthorized", null));

        assertThat(sender.send(new Delivery(11, CHANNEL, Delivery.Action.SEND, OUTAGE, null))).isInstanceOf(SendResult.Retry.class);
    }

    @Test
    void anEditWithoutAMessageIdIsRejectedWithoutBlamingTheChat() {
        assertThat(sender.send(new Delivery(12, CHANNEL, Delivery.Action.EDIT, OUTAGE, "not-a-number")))
                .isInstanceOf(SendResult.Rejected.class);
        assertThat(api.calls()).isEmpty();
    }
}
