package net.outageherald.chat.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.outageherald.testing.Harness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole service with charts on (the default), against a fake RIPEstat and a fake Bot API: the outage is a
 * photo of the target's visibility with the message as its caption, the restoration edits that caption and
 * answers it with a photo of its own, and /chart answers with the last 24 hours.
 */
class TelegramChartEndToEndTest {

    private static final String[] PREFIXES = {"175.45.176.0/24", "175.45.177.0/24", "175.45.178.0/24",
            "175.45.179.0/24"};

    @TempDir
    Path dir;

    @Test
    void theOutageAndTheRestorationArePhotosOfTheChartWithTheirTextAsCaption() throws Exception {
        try (FakeBotApi api = new FakeBotApi();
             Harness h = new Harness(dir, "", """
                     detection:
                       spread-polls: false
                     notify:
                       console: false
                     telegram:
                       poll-timeout: 1s
                       subscriptions:
                         - chat: "-1001234567890"
                           targets: [AS131279]
                     """, Map.of("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN,
                     "HERALD_TELEGRAM_API_URL", api.url().toString()))) {
            h.ripestat.as(131279, "STAR-KP", 20, PREFIXES);
            h.app().startChats();

            // WHEN the AS is seen for a while, goes dark, then comes back
            h.poll(3);
            h.seenBy(0, PREFIXES);
            h.poll(4);
            h.seenBy(20, PREFIXES);
            h.poll(3);
            h.settle();

            // THEN the outage went as one photo with the text as caption, no text message beside it
            List<JsonNode> photos = api.calls("sendPhoto").stream().map(FakeBotApi.Call::body).toList();
            assertThat(photos).hasSize(2);
            JsonNode outage = photos.get(0);
            assertThat(outage.path("chat_id").asText()).isEqualTo("-1001234567890");
            assertThat(outage.path("caption").asText()).contains("is offline", "<b>");
            assertThat(outage.path("parse_mode").asText()).isEqualTo("HTML");
            assertThat(outage.path("_files").get(0).path("png").asBoolean()).isTrue();
            assertThat(api.uploads().get(0).length).as("a real chart, not a stub").isGreaterThan(5_000);
            assertThat(api.calls("sendMessage")).noneMatch(c -> c.body().path("text").asText().contains("is offline"));
            // AND its caption was edited to say resolved, and the restoration's photo answers it
            int original = 1000;
            assertThat(api.calls("editMessageCaption")).singleElement().satisfies(c -> {
                assertThat(c.body().path("message_id").asInt()).isEqualTo(original);
                assertThat(c.body().path("caption").asText()).contains("Resolved");
            });
            assertThat(api.calls("editMessageText")).isEmpty();
            JsonNode restoration = photos.get(1);
            assertThat(restoration.path("caption").asText()).contains("is back online");
            assertThat(restoration.path("reply_parameters").path("message_id").asInt()).isEqualTo(original);

            // AND /chart answers with the last 24 hours
            api.push(TelegramJson.privateMessage(5, 111, "/chart AS131279"));
            JsonNode chart = await().atMost(Duration.ofSeconds(15)).until(() -> api.calls("sendPhoto"),
                    c -> c.size() == 3).get(2).body();
            assertThat(chart.path("chat_id").asText()).isEqualTo("111");
            assertThat(chart.path("caption").asText()).contains("Visibility of", "Last 24 hours");
        }
    }
}
