package net.outageherald.chat.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.outageherald.testing.Harness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole service against a fake RIPEstat and a fake Bot API: a private chat subscribes by command, a
 * channel follows the same AS from the config, both hear the outage, and the restoration replies to each
 * chat's outage message, which is edited to show it resolved.
 */
class TelegramEndToEndTest {

    private static final String[] PREFIXES = {"175.45.176.0/24", "175.45.177.0/24", "175.45.178.0/24",
            "175.45.179.0/24"};

    @TempDir
    Path dir;

    @Test
    void subscribersAndAStaticChannelHearTheOutageAndItsRestorationAsAReplyWithTheOriginalEdited() throws Exception {
        try (FakeBotApi api = new FakeBotApi();
             Harness h = new Harness(dir, "", """
                     detection:
                       spread-polls: false
                     notify:
                       console: false
                     charts:
                       enabled: false   # text messages here; TelegramChartEndToEndTest has them with charts
                     telegram:
                       poll-timeout: 1s
                       subscriptions:
                         - chat: "@nk_watch"
                           targets: [AS131279]
                     """, Map.of("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN,
                     "HERALD_TELEGRAM_API_URL", api.url().toString()))) {
            // GIVEN sends that remember which message id went to which chat
            Map<String, Integer> outageMessage = new ConcurrentHashMap<>();
            AtomicInteger ids = new AtomicInteger(500);
            api.on("sendmessage", body -> {
                int id = ids.incrementAndGet();
                if (body.path("text").asText().contains("is offline")) {
                    outageMessage.put(body.path("chat_id").asText(), id);
                }
                return FakeBotApi.ok(TelegramJson.sentMessage(id, body));
            });
            h.ripestat.as(131279, "STAR-KP", 20, PREFIXES);
            h.app().startChats();

            // WHEN a user subscribes in a private chat
            api.push(TelegramJson.privateMessage(1, 111, "/subscribe AS131279"));
            await().atMost(Duration.ofSeconds(10)).until(() -> sent(api, "111").stream()
                    .anyMatch(t -> t.contains("Subscribed")));

            // AND in the configured channel, a post asks what it follows
            com.fasterxml.jackson.databind.node.ObjectNode post = TelegramJson.channelPost(2, -1001234567890L,
                    "/subscriptions@" + FakeBotApi.BOT_USERNAME);
            ((com.fasterxml.jackson.databind.node.ObjectNode) post.path("channel_post").path("chat"))
                    .put("username", "NK_Watch");
            api.push(post);
            await().atMost(Duration.ofSeconds(10)).until(() -> sent(api, "-1001234567890").stream()
                    .anyMatch(t -> t.contains("AS131279 (set by the operator)")));

            // AND the AS goes dark, then comes back
            h.poll(3);
            h.seenBy(0, PREFIXES);
            h.poll(4);
            h.seenBy(20, PREFIXES);
            h.poll(3);
            h.settle();

            // THEN both chats got one outage message, in HTML with link previews off
            assertThat(outageMessage).containsOnlyKeys("111", "@nk_watch");
            for (String chat : List.of("111", "@nk_watch")) {
                assertThat(sent(api, chat).stream().filter(t -> t.contains("is offline"))).hasSize(1);
                FakeBotApi.Call outage = api.calls("sendmessage").stream()
                        .filter(c -> c.body().path("chat_id").asText().equals(chat)
                                && c.body().path("text").asText().contains("is offline")).findFirst().orElseThrow();
                assertThat(outage.body().path("parse_mode").asText()).isEqualTo("HTML");
                assertThat(outage.body().path("text").asText()).contains("<b>");
                // AND the restoration replies to it, and the original is edited to say it is resolved
                int original = outageMessage.get(chat);
                assertThat(api.calls("sendmessage")).anySatisfy(c -> {
                    assertThat(c.body().path("chat_id").asText()).isEqualTo(chat);
                    assertThat(c.body().path("text").asText()).contains("is back online after 4 min");
                    assertThat(c.body().path("reply_parameters").path("message_id").asInt()).isEqualTo(original);
                });
                assertThat(api.calls("editmessagetext")).anySatisfy(c -> {
                    assertThat(c.body().path("chat_id").asText()).isEqualTo(chat);
                    assertThat(c.body().path("message_id").asInt()).isEqualTo(original);
                    assertThat(c.body().path("text").asText()).contains("Resolved");
                });
            }
        }
    }

    private static List<String> sent(FakeBotApi api, String chat) {
        return api.calls("sendmessage").stream().filter(c -> c.body().path("chat_id").asText().equals(chat))
                .map(c -> c.body().path("text").asText()).toList();
    }
}
