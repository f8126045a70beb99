package net.outageherald.chat.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.outageherald.model.Delivery;
import net.outageherald.model.Destination;
import net.outageherald.model.Message;
import net.outageherald.model.Platform;
import net.outageherald.model.Status;
import net.outageherald.outbox.SendResult;
import net.outageherald.testing.TinyPng;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;

/** Charts on Telegram against the fake Bot API: sendPhoto as multipart, captions, and every way back to text. */
class TelegramChartTest {

    private static final Destination CHANNEL = new Destination(Platform.TELEGRAM, "-1001234567890");
    private static final Message OUTAGE = new Message(Status.DOWN, "North Korea (KP) is offline",
            "AS131279 Star Joint Venture: all 4 prefixes withdrawn.",
            List.of(new Message.Field("Prefixes", "175.45.176.0/24, 175.45.177.0/24", false)),
            Instant.parse("2014-12-22T16:15:00Z"), "https://stat.ripe.net/AS131279", "Data: RIPE NCC RIS");
    private static final byte[] PNG = TinyPng.bytes();

    private FakeBotApi api;
    private TelegramHttp http;
    private TelegramSender sender;

    @BeforeEach
    void setUp() throws IOException {
        api = new FakeBotApi();
        http = new TelegramHttp(Duration.ofSeconds(1), Duration.ofSeconds(1));
        TelegramConfig config = api.config(FakeBotApi.TOKEN);
        OkHttpTelegramClient client = new OkHttpTelegramClient(http.calls(), FakeBotApi.TOKEN,
                TelegramFrontEnd.telegramUrl(config));
        sender = new TelegramSender(client, new TelegramRenderer(), config.token());
    }

    @AfterEach
    void tearDown() throws IOException {
        http.close();
        api.close();
    }

    private static Delivery withChart(Message m, String replyTo) {
        return new Delivery(7, CHANNEL, Delivery.Action.SEND, m, replyTo, PNG);
    }

    @Test
    void aChartGoesAsOnePhotoWithTheMessageAsItsCaption() {
        SendResult result = sender.send(withChart(OUTAGE, null));

        assertThat(result).isEqualTo(new SendResult.Sent("1000:photo"));
        assertThat(api.calls("sendMessage")).isEmpty();
        JsonNode photo = api.calls("sendPhoto").get(0).body();
        assertThat(photo.path("chat_id").asText()).isEqualTo("-1001234567890");
        assertThat(photo.path("parse_mode").asText()).isEqualTo("HTML");
        assertThat(photo.path("caption").asText()).isEqualTo(new TelegramRenderer().render(OUTAGE))
                .startsWith("🔴 <b>North Korea (KP) is offline</b>");
        JsonNode file = photo.path("_files").get(0);
        // the Bot API's way for a file in the same request: photo=attach://<part name>
        assertThat(photo.path("photo").asText()).isEqualTo("attach://" + file.path("field").asText());
        assertThat(file.path("filename").asText()).isEqualTo("chart.png");
        assertThat(file.path("png").asBoolean()).isTrue();
        assertThat(api.uploads().get(0)).isEqualTo(PNG);
    }

    @Test
    void theSameChartToManyChatsIsUploadedOnceThenSentByItsFileId() {
        for (int chat = 1; chat <= 3; chat++) {
            Destination to = new Destination(Platform.TELEGRAM, "-100123456789" + chat);
            assertThat(sender.send(new Delivery(chat, to, Delivery.Action.SEND, OUTAGE, null, PNG)))
                    .isInstanceOf(SendResult.Sent.class);
        }

        assertThat(api.uploads()).hasSize(1);
        List<JsonNode> photos = api.calls("sendPhoto").stream().map(FakeBotApi.Call::body).toList();
        assertThat(photos.get(0).path("photo").asText()).startsWith("attach://");
        assertThat(photos.get(1).path("photo").asText()).isEqualTo("file-1");
        assertThat(photos.get(2).path("photo").asText()).isEqualTo("file-1");
        assertThat(photos.get(2).path("caption").asText()).isEqualTo(new TelegramRenderer().render(OUTAGE));
        // another event's chart is another array: uploaded anew
        sender.send(new Delivery(9, CHANNEL, Delivery.Action.SEND, OUTAGE, null, PNG.clone()));
        assertThat(api.uploads()).hasSize(2);
    }

    @Test
    void aTextTooLongForACaptionGoesFirstAndTheChartRepliesToIt() {
        Message longer = new Message(Status.DOWN, "AS4837 is offline", "x".repeat(1100), List.of(), null, null, null);
        assertThat(TelegramPhotos.fitsCaption(new TelegramRenderer().render(longer))).isFalse();

        SendResult result = sender.send(withChart(longer, "999"));

        assertThat(result).isEqualTo(new SendResult.Sent("1000"));
        assertThat(api.calls().stream().map(FakeBotApi.Call::method)).containsExactly("sendmessage", "sendphoto");
        assertThat(api.calls("sendMessage").get(0).body().path("reply_parameters").path("message_id").asInt())
                .isEqualTo(999);
        JsonNode photo = api.calls("sendPhoto").get(0).body();
        assertThat(photo.has("caption")).isFalse();
        assertThat(photo.path("reply_parameters").path("message_id").asInt()).isEqualTo(1000);
    }

    @Test
    void theCaptionLimitCountsWhatTelegramCountsNotTheMarkup() {
        String html = "<b>" + "&amp;".repeat(1024) + "</b>";

        assertThat(TelegramPhotos.visibleLength(html)).isEqualTo(1024);
        assertThat(TelegramPhotos.fitsCaption(html)).isTrue();
        assertThat(TelegramPhotos.fitsCaption(html + "x")).isFalse();
    }

    @Test
    void noRightToSendPhotosSendsTheTextAloneAndDoesNotPauseTheChat() {
        api.on("sendPhoto", body -> FakeBotApi.error(400, "Bad Request: not enough rights to send photos to the chat",
                null));

        SendResult result = sender.send(withChart(OUTAGE, null));

        assertThat(result).isEqualTo(new SendResult.Sent("1000"));
        assertThat(api.calls().stream().map(FakeBotApi.Call::method)).containsExactly("sendphoto", "sendmessage");
        assertThat(api.calls("sendMessage").get(0).body().path("text").asText())
                .isEqualTo(new TelegramRenderer().render(OUTAGE));
    }

    @Test
    void aChatWithoutPhotoRightsNeitherUploadsTheChartAgainNorCostsTheOthersTheirFileId() {
        Destination noPhotos = new Destination(Platform.TELEGRAM, "-1001234567892");
        api.on("sendPhoto", body -> body.path("chat_id").asText().equals(noPhotos.id())
                ? FakeBotApi.error(400, "Bad Request: not enough rights to send photos to the chat", null) : null);

        sender.send(new Delivery(1, CHANNEL, Delivery.Action.SEND, OUTAGE, null, PNG));
        assertThat(sender.send(new Delivery(2, noPhotos, Delivery.Action.SEND, OUTAGE, null, PNG)))
                .isEqualTo(new SendResult.Sent("1001"));
        sender.send(new Delivery(3, new Destination(Platform.TELEGRAM, "-1001234567893"), Delivery.Action.SEND,
                OUTAGE, null, PNG));

        List<String> photos = api.calls("sendPhoto").stream().map(c -> c.body().path("photo").asText()).toList();
        assertThat(photos).as("the refusal is the chat's, not the file id's: no upload again, the next chat by id")
                .hasSize(3).element(0).asString().startsWith("attach://");
        assertThat(photos.subList(1, 3)).containsExactly("file-1", "file-1");
    }

    @Test
    void aForbiddenPhotoFallsBackToTextToo() {
        api.on("sendPhoto", body -> FakeBotApi.error(403, "Forbidden: CHAT_SEND_PHOTOS_FORBIDDEN", null));

        assertThat(sender.send(withChart(OUTAGE, null))).isEqualTo(new SendResult.Sent("1000"));
        assertThat(api.calls("sendMessage")).hasSize(1);
    }

    @Test
    void aBusyTelegramIsRetriedWithoutSendingTheTextMeanwhile() {
        api.on("sendPhoto", body -> FakeBotApi.error(429, "Too Many Requests: retry after 7", "{\"retry_after\": 7}"));

        SendResult result = sender.send(withChart(OUTAGE, null));

        assertThat(result).isEqualTo(new SendResult.Retry("429 Too Many Requests: retry after 7", Duration.ofSeconds(7)));
        assertThat(api.calls("sendMessage")).isEmpty();
    }

    @Test
    void aChartThatFailsAfterItsTextLeavesTheTextSentSoARetryCannotRepeatIt() {
        Message longer = new Message(Status.DOWN, "AS4837 is offline", "x".repeat(1100), List.of(), null, null, null);
        api.on("sendPhoto", body -> FakeBotApi.error(500, "Internal Server Error", null));

        SendResult result = sender.send(withChart(longer, null));

        assertThat(result).isEqualTo(new SendResult.Sent("1000"));
        assertThat(api.calls("sendMessage")).hasSize(1);
    }

    @Test
    void theRestorationEditsAPhotosCaptionAndRepliesToThePhoto() {
        Message resolved = Message.text(Status.UP, "Resolved: North Korea (KP) was offline for 9 h 31 min", "");
        Message restored = Message.text(Status.UP, "North Korea (KP) is back online", "4 of 4 prefixes visible.");

        SendResult edited = sender.send(new Delivery(8, CHANNEL, Delivery.Action.EDIT, resolved, "1000:photo"));
        SendResult replied = sender.send(new Delivery(9, CHANNEL, Delivery.Action.SEND, restored, "1000:photo"));

        assertThat(edited).isEqualTo(new SendResult.Sent("1000:photo"));
        assertThat(api.calls("editMessageText")).isEmpty();
        JsonNode edit = api.calls("editMessageCaption").get(0).body();
        assertThat(edit.path("message_id").asInt()).isEqualTo(1000);
        assertThat(edit.path("caption").asText()).contains("Resolved: North Korea (KP)");
        assertThat(edit.path("parse_mode").asText()).isEqualTo("HTML");
        assertThat(replied).isInstanceOf(SendResult.Sent.class);
        assertThat(api.calls("sendMessage").get(0).body().path("reply_parameters").path("message_id").asInt())
                .isEqualTo(1000);
    }

    @Test
    void aResolvedCaptionTooLongIsShortenedToFit() {
        Message resolved = new Message(Status.UP, "Resolved: AS4837 was offline", "short",
                List.of(new Message.Field("Prefixes", "y".repeat(1500), false)), null, null, null);

        sender.send(new Delivery(8, CHANNEL, Delivery.Action.EDIT, resolved, "1000:photo"));

        String caption = api.calls("editMessageCaption").get(0).body().path("caption").asText();
        assertThat(TelegramPhotos.fitsCaption(caption)).isTrue();
        assertThat(caption).contains("Resolved: AS4837 was offline").doesNotContain("yyyy");
    }
}
