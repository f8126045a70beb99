package net.outageherald.chat.discord;

import static net.outageherald.chat.discord.FakeDiscord.LOCKED_CHANNEL;
import static net.outageherald.chat.discord.FakeDiscord.OPEN_CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import net.outageherald.model.Delivery;
import net.outageherald.model.Destination;
import net.outageherald.model.Platform;
import net.outageherald.outbox.SendResult;
import net.outageherald.outbox.Sender;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The sender against the fake Discord: what reaches the REST API, and what each failure is classified as. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordSenderTest {

    private static final String MESSAGES = "channels/" + OPEN_CHANNEL + "/messages";

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
    void anOutageIsPostedAsAnEmbedWithAnEnforcedNonce() {
        SendResult result = sender.send(SenderFixtures.outage(41, OPEN_CHANNEL));

        assertThat(result).isInstanceOf(SendResult.Sent.class);
        JsonNode body = discord.awaitCall("POST", MESSAGES).body();
        assertThat(body.path("nonce").asText()).isEqualTo("oh41");
        assertThat(body.path("enforce_nonce").asBoolean()).isTrue();
        assertThat(body.path("allowed_mentions").path("parse")).isEmpty();
        assertThat(body.has("message_reference")).isFalse();
        JsonNode embed = body.path("embeds").get(0);
        assertThat(embed.path("title").asText()).isEqualTo("🔴 North Korea (KP) is offline");
        assertThat(embed.path("color").asInt()).isEqualTo(0xED4245);
        assertThat(embed.path("url").asText()).isEqualTo("https://stat.ripe.net/app/AS131279");
        assertThat(embed.path("timestamp").asText()).startsWith("2014-12-22T16:15");
        assertThat(embed.path("fields").findValuesAsText("name")).containsExactly("Peers", "Since", "Evidence");
        assertThat(embed.path("fields").get(0).path("value").asText()).isEqualTo("0 of 312 RIS peers (normally 305)");
        assertThat(((SendResult.Sent) result).messageId()).matches("\\d+");
    }

    @Test
    void warmUpRendersWithoutAnyRequest() {
        sender.warmUp(SenderFixtures.outage(42, OPEN_CHANNEL));

        assertThat(discord.calls()).noneMatch(c -> c.path().startsWith("channels/"));
    }

    @Test
    void theRestorationEditsTheOriginalAndRepliesToIt() {
        String original = ((SendResult.Sent) sender.send(SenderFixtures.outage(50, OPEN_CHANNEL))).messageId();

        SendResult edited = sender.send(SenderFixtures.resolvedEdit(51, OPEN_CHANNEL, original));
        SendResult replied = sender.send(SenderFixtures.restorationReply(52, OPEN_CHANNEL, original));

        assertThat(edited).isEqualTo(new SendResult.Sent(original));
        JsonNode edit = discord.awaitCall("PATCH", MESSAGES + "/" + original).body();
        assertThat(edit.path("embeds").get(0).path("color").asInt()).isEqualTo(DiscordRenderer.GREEN);
        assertThat(edit.path("embeds").get(0).path("title").asText()).contains("Resolved");
        assertThat(edit.has("nonce")).as("edits carry no nonce").isFalse();

        assertThat(replied).isInstanceOf(SendResult.Sent.class);
        List<FakeDiscord.Call> posts = discord.calls("POST", MESSAGES);
        JsonNode reply = posts.get(posts.size() - 1).body();
        assertThat(reply.path("message_reference").path("message_id").asText()).isEqualTo(original);
        assertThat(reply.path("message_reference").path("fail_if_not_exists").asBoolean()).isFalse();
        assertThat(reply.path("nonce").asText()).isEqualTo("oh52");
        assertThat(reply.path("embeds").get(0).path("title").asText()).startsWith("🟢 North Korea (KP) is back online");
    }

    @Test
    void editingAMessageThatIsGoneIsDoneWithNothingToDo() {
        SendResult result = sender.send(SenderFixtures.resolvedEdit(60, OPEN_CHANNEL, "123456789012345678"));

        assertThat(result).isEqualTo(new SendResult.Sent("123456789012345678"));
        assertThat(discord.calls("PATCH", MESSAGES + "/123456789012345678")).hasSize(1);
    }

    @Test
    void aReplyToAMessageThatIsGoneIsSentWithoutTheReference() {
        discord.failNext("POST", MESSAGES, 404, Map.of("message", "Unknown Message", "code", 10008));

        SendResult result = sender.send(SenderFixtures.restorationReply(61, OPEN_CHANNEL, "123456789012345678"));

        assertThat(result).isInstanceOf(SendResult.Sent.class);
        List<FakeDiscord.Call> posts = discord.calls("POST", MESSAGES);
        assertThat(posts).hasSize(2);
        assertThat(posts.get(1).body().has("message_reference")).isFalse();
        assertThat(posts.get(1).body().path("nonce").asText()).as("same row, same nonce").isEqualTo("oh61");
    }

    @Test
    void aRateLimitIsWaitedOutAndTheRetryCarriesTheSameNonce() {
        discord.failNext("POST", MESSAGES, 429, Map.of("message", "You are being rate limited.", "retry_after", 0.2,
                "global", false), Map.of("Retry-After", "1", "X-RateLimit-Scope", "user", "X-RateLimit-Limit", "5",
                "X-RateLimit-Remaining", "0", "X-RateLimit-Reset-After", "0.2", "X-RateLimit-Bucket", "fake",
                "Via", "1.1 google"));

        SendResult result = sender.send(SenderFixtures.outage(62, OPEN_CHANNEL));

        assertThat(result).isInstanceOf(SendResult.Sent.class);
        assertThat(discord.calls("POST", MESSAGES)).extracting(c -> c.body().path("nonce").asText())
                .containsExactly("oh62", "oh62");
    }

    @Test
    void discordFailuresAreClassified() {
        discord.failNext("POST", MESSAGES, 403, Map.of("message", "Missing Access", "code", 50001));
        assertThat(sender.send(SenderFixtures.outage(70, OPEN_CHANNEL))).isInstanceOf(SendResult.Paused.class);

        discord.failNext("POST", MESSAGES, 400, Map.of("message", "Invalid Form Body", "code", 50035));
        assertThat(sender.send(SenderFixtures.outage(73, OPEN_CHANNEL))).isInstanceOf(SendResult.Rejected.class);

        discord.failNext("POST", MESSAGES, 404, Map.of("message", "Unknown Channel", "code", 10003));
        assertThat(sender.send(SenderFixtures.outage(71, OPEN_CHANNEL))).isInstanceOf(SendResult.Permanent.class);

        discord.failNext("POST", MESSAGES, 500, Map.of("message", "Internal Server Error", "code", 0));
        assertThat(sender.send(SenderFixtures.outage(72, OPEN_CHANNEL))).isInstanceOf(SendResult.Retry.class);
    }

    @Test
    void aChannelTheBotCannotPostInIsPausedWithoutAskingDiscord() {
        SendResult result = sender.send(SenderFixtures.outage(80, LOCKED_CHANNEL));

        assertThat(result).isInstanceOf(SendResult.Paused.class);
        assertThat(((SendResult.Paused) result).reason()).contains("Send Messages");
        assertThat(discord.calls("POST", "channels/.*")).isEmpty();
    }

    @Test
    void aPauseNamesTheChannelAndItsServerAndTheSystemChannelToTellWhenTheBotMayPostThere() {
        // the main server's system channel is the open channel, where the bot may post
        SendResult.Paused locked = (SendResult.Paused) sender.send(SenderFixtures.outage(81, LOCKED_CHANNEL));
        assertThat(locked.reason()).contains("#read-only", "Network Watchers");
        assertThat(locked.alsoTell()).isEqualTo(SenderFixtures.discord(OPEN_CHANNEL));

        // the system channel itself refusing has nowhere else to say it
        discord.failNext("POST", MESSAGES, 403, Map.of("message", "Missing Access", "code", 50001));
        SendResult.Paused open = (SendResult.Paused) sender.send(SenderFixtures.outage(82, OPEN_CHANNEL));
        assertThat(open.alsoTell()).isNull();
    }

    @Test
    void aChannelTheBotCannotSeeIsPermanent() {
        SendResult result = sender.send(SenderFixtures.outage(81, "399999999999999999"));

        assertThat(result).isInstanceOf(SendResult.Permanent.class);
        assertThat(((SendResult.Permanent) result).reason()).contains("Unknown Channel");
    }

    @Test
    void destinationsThatAreNotDiscordChannelsArePermanent() {
        Delivery telegram = new Delivery(90, new Destination(Platform.TELEGRAM, "-1001"), Delivery.Action.SEND,
                SenderFixtures.outageMessage(), null);
        Delivery notAnId = new Delivery(91, SenderFixtures.discord("#outages"), Delivery.Action.SEND,
                SenderFixtures.outageMessage(), null);

        assertThat(sender.send(telegram)).isInstanceOf(SendResult.Permanent.class);
        assertThat(sender.send(notAnId)).isInstanceOf(SendResult.Permanent.class);
        assertThat(sender.platform()).isEqualTo(Platform.DISCORD);
    }
}
