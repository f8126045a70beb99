package net.outageherald.chat.discord;

import static net.outageherald.chat.discord.FakeDiscord.OPEN_CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import net.outageherald.model.Delivery;
import net.outageherald.outbox.SendResult;
import net.outageherald.outbox.Sender;
import net.outageherald.testing.TinyPng;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Charts on Discord against the fake: one message, the PNG attached and shown as the embed's image. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordChartTest {

    private static final String MESSAGES = "channels/" + OPEN_CHANNEL + "/messages";
    private static final byte[] PNG = TinyPng.bytes();

    private FakeDiscord discord;
    private DiscordFrontEnd bot;
    private Sender sender;

    @BeforeAll
    void start() throws Exception {
        discord = new FakeDiscord();
        bot = discord.startBot(new FakeChatCommands(), new FakeSubscriptions());
        sender = bot.sender();
    }

    @AfterAll
    void stop() {
        bot.stop();
        discord.close();
    }

    @BeforeEach
    void clear() {
        discord.clearCalls();
    }

    @Test
    void anOutageWithAChartIsOneMessageWhoseEmbedShowsTheAttachment() {
        Delivery outage = SenderFixtures.outage(61, OPEN_CHANNEL).withChart(PNG);

        SendResult result = sender.send(outage);

        assertThat(result).isInstanceOf(SendResult.Sent.class);
        assertThat(discord.calls().stream().filter(c -> c.matches("POST", MESSAGES))).hasSize(1);
        JsonNode body = discord.awaitCall("POST", MESSAGES).body();
        assertThat(body.path("nonce").asText()).isEqualTo("oh61");
        assertThat(body.path("enforce_nonce").asBoolean()).isTrue();
        JsonNode embed = body.path("embeds").get(0);
        assertThat(embed.path("title").asText()).isEqualTo("🔴 North Korea (KP) is offline");
        assertThat(embed.path("image").path("url").asText()).isEqualTo("attachment://chart.png");
        JsonNode file = body.path("_files").get(0);
        assertThat(file.path("filename").asText()).isEqualTo("chart.png");
        assertThat(file.path("size").asInt()).isEqualTo(PNG.length);
        assertThat(file.path("png").asBoolean()).isTrue();
    }

    @Test
    void theResolvedEditOfAMessageWithAChartKeepsTheChartInTheEmbed() {
        SendResult sent = sender.send(SenderFixtures.outage(65, OPEN_CHANNEL).withChart(PNG));
        String ref = ((SendResult.Sent) sent).messageId();
        assertThat(ref).as("marked as carrying the chart").endsWith(":chart");
        String id = ref.substring(0, ref.indexOf(':'));

        assertThat(sender.send(SenderFixtures.resolvedEdit(66, OPEN_CHANNEL, ref))).isEqualTo(new SendResult.Sent(ref));

        JsonNode edit = discord.awaitCall("PATCH", MESSAGES + "/" + id).body();
        JsonNode embed = edit.path("embeds").get(0);
        assertThat(embed.path("title").asText()).contains("Resolved");
        assertThat(embed.path("image").path("url").asText()).as("the chart stays in the embed, not a loose file")
                .isEqualTo("attachment://chart.png");
        assertThat(edit.has("attachments")).as("the upload is kept: no attachments list sent").isFalse();

        discord.clearCalls();
        sender.send(SenderFixtures.restorationReply(67, OPEN_CHANNEL, ref));
        assertThat(discord.awaitCall("POST", MESSAGES).body().path("message_reference").path("message_id").asText())
                .isEqualTo(id);
    }

    @Test
    void theResolvedEditOfAMessageWithoutAChartHasNoImage() {
        String id = ((SendResult.Sent) sender.send(SenderFixtures.outage(68, OPEN_CHANNEL))).messageId();
        assertThat(id).doesNotContain(":");

        sender.send(SenderFixtures.resolvedEdit(69, OPEN_CHANNEL, id));

        assertThat(discord.awaitCall("PATCH", MESSAGES + "/" + id).body().path("embeds").get(0).has("image")).isFalse();
    }

    @Test
    void aChannelThatRefusesTheChartGetsTheTextAloneAtOnce() {
        discord.failNext("POST", MESSAGES, 403, Map.of("message", "Missing Permissions", "code", 50013));

        SendResult result = sender.send(SenderFixtures.outage(62, OPEN_CHANNEL).withChart(PNG));

        assertThat(result).isInstanceOf(SendResult.Sent.class);
        var posts = discord.calls().stream().filter(c -> c.matches("POST", MESSAGES)).toList();
        assertThat(posts).hasSize(2);
        assertThat(posts.get(0).body().has("_files")).isTrue();
        assertThat(posts.get(1).body().has("_files")).as("the second try is plain JSON, no file").isFalse();
        assertThat(posts.get(1).body().path("embeds").get(0).has("image")).isFalse();
        assertThat(posts.get(1).body().path("nonce").asText()).isEqualTo("oh62");
    }

    @Test
    void aFailureTheTextWouldMeetTooIsRetriedWithoutPostingTheTextMeanwhile() {
        // (JDA retries 5xx itself; a 4xx we cannot place is retried by the outbox)
        discord.failNext("POST", MESSAGES, 400, Map.of("message", "Something odd", "code", 0));

        SendResult result = sender.send(SenderFixtures.outage(63, OPEN_CHANNEL).withChart(PNG));

        assertThat(result).isInstanceOf(SendResult.Retry.class);
        assertThat(discord.calls().stream().filter(c -> c.matches("POST", MESSAGES))).hasSize(1);
    }

    @Test
    void aMessageWithoutAChartIsPlainJsonAsBefore() {
        assertThat(sender.send(SenderFixtures.outage(64, OPEN_CHANNEL))).isInstanceOf(SendResult.Sent.class);

        JsonNode body = discord.awaitCall("POST", MESSAGES).body();
        assertThat(body.has("_files")).isFalse();
        assertThat(body.path("embeds").get(0).has("image")).isFalse();
    }
}
