package net.outageherald.chat.discord;

import static net.outageherald.chat.discord.FakeDiscord.BOT_ID;
import static net.outageherald.chat.discord.FakeDiscord.MEMBER;
import static net.outageherald.chat.discord.FakeDiscord.OPEN_CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import net.outageherald.command.Reply;
import net.outageherald.testing.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** /chart on Discord: deferred, then the placeholder becomes the embed with the chart attached as its image. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordChartCommandTest {

    private static final int EPHEMERAL = 64;

    private final FakeChatCommands commands = new FakeChatCommands();
    private final MutableClock clock = new MutableClock(Instant.parse("2014-12-22T16:15:00Z"));
    private FakeDiscord discord;
    private DiscordFrontEnd bot;

    @BeforeAll
    void start() throws Exception {
        discord = new FakeDiscord();
        bot = discord.startBot(commands, new FakeSubscriptions(), clock);
    }

    @AfterAll
    void stop() {
        bot.stop();
        discord.close();
    }

    @BeforeEach
    void reset() {
        clock.advance(Duration.ofMinutes(1));
        commands.calls.clear();
        commands.chartReply = new FakeChatCommands().chartReply;
    }

    private String original(String id) {
        return "webhooks/" + BOT_ID + "/token-" + id + "/messages/@original";
    }

    @Test
    void theChartReplacesThePlaceholderAsTheEmbedsAttachedImage() {
        String id = discord.slash(MEMBER, OPEN_CHANNEL, "chart", Map.of("target", "KP"));

        assertThat(discord.awaitCall("POST", "interactions/" + id + "/[^/]+/callback").body().path("type").asInt())
                .as("deferred: drawing may take a moment").isEqualTo(5);
        JsonNode edit = discord.awaitCall("PATCH", original(id)).body();
        JsonNode embed = edit.path("embeds").get(0);
        assertThat(embed.path("title").asText()).contains("Visibility of North Korea (KP)");
        assertThat(embed.path("image").path("url").asText()).isEqualTo("attachment://chart.png");
        assertThat(edit.path("_files").get(0).path("filename").asText()).isEqualTo("chart.png");
        assertThat(edit.path("_files").get(0).path("png").asBoolean()).isTrue();
        assertThat(commands.calls).containsExactly("chart KP");
    }

    @Test
    void noHistoryIsAPrivateAnswerInWords() {
        commands.chartReply = Reply.error("No history for AS64500", "AS64500 is not watched, so there is no history"
                + " to draw: subscribe first.");

        String id = discord.slash(MEMBER, OPEN_CHANNEL, "chart", Map.of("target", "AS64500"));

        discord.awaitCall("DELETE", original(id));
        JsonNode followUp = discord.awaitCall("POST", "webhooks/" + BOT_ID + "/token-" + id).body();
        assertThat(followUp.path("flags").asInt() & EPHEMERAL).isEqualTo(EPHEMERAL);
        assertThat(followUp.path("embeds").get(0).path("description").asText()).contains("subscribe first");
        assertThat(followUp.has("_files")).isFalse();
    }

    @Test
    void aRefusedUploadStillShowsTheText() {
        discord.failNext("PATCH", "webhooks/.*/messages/@original", 403,
                Map.of("message", "Missing Permissions", "code", 50013));

        String id = discord.slash(MEMBER, OPEN_CHANNEL, "chart", Map.of("target", "KP"));

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> discord.calls().stream()
                .filter(c -> c.matches("PATCH", original(id))).count() == 2);
        JsonNode second = discord.calls().stream().filter(c -> c.matches("PATCH", original(id))).toList().get(1).body();
        assertThat(second.has("_files")).isFalse();
        assertThat(second.path("embeds").get(0).path("title").asText()).contains("Visibility of North Korea (KP)");
    }
}
