package net.outageherald.chat.discord;

import static net.outageherald.chat.discord.FakeDiscord.BOT_ID;
import static net.outageherald.chat.discord.FakeDiscord.MEMBER;
import static net.outageherald.chat.discord.FakeDiscord.OPEN_CHANNEL;
import static net.outageherald.chat.discord.FakeDiscord.OTHER_CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.outageherald.chat.discord.DiscordFrontEnd.State;
import net.outageherald.outbox.SendResult;
import net.outageherald.testing.LogCapture;
import net.outageherald.testing.TinyPng;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bot on several shards against the fake Discord, which, like Discord, gives each shard's connection the
 * servers of that shard only: {@link FakeDiscord#GUILD_ID} (#outages) is on shard 0 of 2,
 * {@link FakeDiscord#OTHER_GUILD_ID} (#elsewhere) on shard 1.
 */
class DiscordShardingTest {

    private static final String COMMANDS = "applications/" + BOT_ID + "/commands";

    private final LogCapture log = new LogCapture("net.outageherald.chat.discord");
    private final List<DiscordFrontEnd> bots = new ArrayList<>();
    private FakeDiscord discord;

    @BeforeEach
    void setUp() throws Exception {
        discord = new FakeDiscord();
    }

    @AfterEach
    void tearDown() {
        bots.forEach(DiscordFrontEnd::stop);
        discord.close();
        log.close();
    }

    @Test
    void oneInstanceWithTwoShardsConnectsBothAndAnswersCommandsFromEachServer() {
        FakeChatCommands commands = new FakeChatCommands();
        DiscordFrontEnd bot = start("2/0,1", commands);

        assertThat(bot.state()).as("ready once both shards are").isEqualTo(State.READY);
        assertThat(discord.connectedShards()).containsExactlyInAnyOrder(0, 1);
        assertThat(discord.identifies()).extracting(i -> i.path("shard").toString())
                .containsExactlyInAnyOrder("[0,2]", "[1,2]");

        answered(discord.slash(MEMBER, OPEN_CHANNEL, "help", Map.of()));
        answered(discord.slash(MEMBER, OTHER_CHANNEL, "help", Map.of()));
        assertThat(commands.calls).containsExactly("help", "help");
        assertThat(discord.calls("PUT", COMMANDS)).as("global commands, registered once").hasSize(1);

        assertThat(bot.sender().send(SenderFixtures.outage(1, OPEN_CHANNEL))).isInstanceOf(SendResult.Sent.class);
        assertThat(bot.sender().send(SenderFixtures.outage(2, OTHER_CHANNEL))).isInstanceOf(SendResult.Sent.class);
    }

    @Test
    void aChannelOfAServerOnAnotherInstancesShardIsSentToOverRest() {
        DiscordFrontEnd bot = start("2/0", new FakeChatCommands());
        assertThat(discord.connectedShards()).containsExactly(0);
        discord.clearCalls();
        String messages = "channels/" + OTHER_CHANNEL + "/messages";

        SendResult sent = bot.sender().send(SenderFixtures.outage(60, OTHER_CHANNEL));

        assertThat(sent).isInstanceOf(SendResult.Sent.class);
        JsonNode body = discord.awaitCall("POST", messages).body();
        assertThat(body.path("nonce").asText()).as("the same retry guard as a cached channel").isEqualTo("oh60");
        assertThat(body.path("enforce_nonce").asBoolean()).isTrue();
        assertThat(body.path("allowed_mentions").path("parse")).isEmpty();
        assertThat(body.has("message_reference")).isFalse();
        assertThat(body.path("embeds").get(0).path("title").asText()).isEqualTo("🔴 North Korea (KP) is offline");

        String original = ((SendResult.Sent) sent).messageId();
        assertThat(bot.sender().send(SenderFixtures.resolvedEdit(61, OTHER_CHANNEL, original)))
                .isEqualTo(new SendResult.Sent(original));
        JsonNode edit = discord.awaitCall("PATCH", messages + "/" + original).body();
        assertThat(edit.path("embeds").get(0).path("title").asText()).contains("Resolved");
        assertThat(edit.has("nonce")).isFalse();

        discord.clearCalls();
        assertThat(bot.sender().send(SenderFixtures.restorationReply(62, OTHER_CHANNEL, original)))
                .isInstanceOf(SendResult.Sent.class);
        JsonNode reference = discord.awaitCall("POST", messages).body().path("message_reference");
        assertThat(reference.path("message_id").asText()).isEqualTo(original);
        assertThat(reference.path("fail_if_not_exists").asBoolean(true)).isFalse();
    }

    @Test
    void overRestAChartIsAttachedAsForACachedChannelAndARefusedOneLeavesTheTextAlone() {
        DiscordFrontEnd bot = start("2/0", new FakeChatCommands());
        discord.clearCalls();
        String messages = "channels/" + OTHER_CHANNEL + "/messages";
        byte[] png = TinyPng.bytes();

        assertThat(bot.sender().send(SenderFixtures.outage(70, OTHER_CHANNEL).withChart(png)))
                .isInstanceOf(SendResult.Sent.class);
        JsonNode body = discord.awaitCall("POST", messages).body();
        assertThat(body.path("nonce").asText()).isEqualTo("oh70");
        assertThat(body.path("embeds").get(0).path("image").path("url").asText()).isEqualTo("attachment://chart.png");
        assertThat(body.path("_files").get(0).path("size").asInt()).isEqualTo(png.length);

        discord.clearCalls();
        discord.failNext("POST", messages, 403, Map.of("message", "Missing Permissions", "code", 50013));
        assertThat(bot.sender().send(SenderFixtures.outage(71, OTHER_CHANNEL).withChart(png)))
                .isInstanceOf(SendResult.Sent.class);
        var posts = discord.calls().stream().filter(c -> c.matches("POST", messages)).toList();
        assertThat(posts).hasSize(2);
        assertThat(posts.get(1).body().has("_files")).as("the text alone, same nonce").isFalse();
        assertThat(posts.get(1).body().path("nonce").asText()).isEqualTo("oh71");
    }

    @Test
    void overRestTheResolvedEditOfAMessageWithAChartKeepsTheChartInTheEmbed() {
        DiscordFrontEnd bot = start("2/0", new FakeChatCommands());
        discord.clearCalls();
        String messages = "channels/" + OTHER_CHANNEL + "/messages";

        SendResult sent = bot.sender().send(SenderFixtures.outage(72, OTHER_CHANNEL).withChart(TinyPng.bytes()));
        String ref = ((SendResult.Sent) sent).messageId();
        assertThat(ref).endsWith(":chart");
        String id = ref.substring(0, ref.indexOf(':'));

        assertThat(bot.sender().send(SenderFixtures.resolvedEdit(73, OTHER_CHANNEL, ref)))
                .isEqualTo(new SendResult.Sent(ref));
        JsonNode edit = discord.awaitCall("PATCH", messages + "/" + id).body();
        assertThat(edit.path("embeds").get(0).path("title").asText()).contains("Resolved");
        assertThat(edit.path("embeds").get(0).path("image").path("url").asText()).isEqualTo("attachment://chart.png");
        assertThat(edit.has("attachments")).isFalse();
    }

    @Test
    void overRestDiscordsAnswersAreClassifiedAsForACachedChannel() {
        DiscordFrontEnd bot = start("2/0", new FakeChatCommands());
        String messages = "channels/" + OTHER_CHANNEL + "/messages";
        String original = ((SendResult.Sent) bot.sender().send(SenderFixtures.outage(70, OTHER_CHANNEL))).messageId();
        discord.clearCalls();

        // no cache to ask for Read Message History: Discord's 160002 sends the restoration without the reply
        discord.failNext("POST", messages, 403,
                Map.of("code", 160002, "message", "Cannot reply without permission to read message history"));
        assertThat(bot.sender().send(SenderFixtures.restorationReply(71, OTHER_CHANNEL, original)))
                .isInstanceOf(SendResult.Sent.class);
        List<FakeDiscord.Call> posts = discord.calls("POST", messages);
        assertThat(posts).hasSize(2);
        assertThat(posts.get(0).body().has("message_reference")).isTrue();
        assertThat(posts.get(1).body().has("message_reference")).isFalse();

        String unknownChannel = "300000000000000099"; // on no shard here, and Discord knows no such channel
        assertThat(bot.sender().send(SenderFixtures.outage(72, unknownChannel)))
                .isInstanceOf(SendResult.Permanent.class);
        discord.failNext("POST", messages, 403, Map.of("code", 50013, "message", "Missing Permissions"));
        assertThat(bot.sender().send(SenderFixtures.outage(73, OTHER_CHANNEL))).isInstanceOf(SendResult.Paused.class);
        discord.failNext("POST", messages, 400, Map.of("code", 50035, "message", "Invalid Form Body"));
        assertThat(bot.sender().send(SenderFixtures.outage(74, OTHER_CHANNEL))).isInstanceOf(SendResult.Rejected.class);
        assertThat(bot.sender().send(SenderFixtures.resolvedEdit(75, OTHER_CHANNEL, "600000000000000001")))
                .as("an edit of a message that is gone has nothing left to do")
                .isEqualTo(new SendResult.Sent("600000000000000001"));
    }

    @Test
    void twoInstancesSplitTheShardsEachAnswersItsServersAndOnlyShardZerosRegistersTheCommands() {
        FakeChatCommands first = new FakeChatCommands();
        FakeChatCommands second = new FakeChatCommands();
        DiscordFrontEnd zero = start("2/0", first);
        DiscordFrontEnd one = new DiscordFrontEnd(discord.config("2/1"), second, new FakeSubscriptions(),
                Clock.systemUTC());
        bots.add(one);
        one.start();

        assertThat(one.state()).isEqualTo(State.READY);
        assertThat(discord.connectedShards()).containsExactlyInAnyOrder(0, 1);
        answered(discord.slash(MEMBER, OPEN_CHANNEL, "help", Map.of()));
        answered(discord.slash(MEMBER, OTHER_CHANNEL, "subscriptions", Map.of()));
        assertThat(first.calls).as("the server on shard 0").containsExactly("help");
        assertThat(second.calls).as("the server on shard 1").containsExactly("subscriptions " + OTHER_CHANNEL);
        assertThat(discord.calls("PUT", COMMANDS)).hasSize(1);
        assertThat(log.all()).contains("Discord shards 2/1 here; the instance with shard 0 registers the slash commands");

        // either instance delivers anywhere: each to the other's server
        assertThat(zero.sender().send(SenderFixtures.outage(80, OTHER_CHANNEL))).isInstanceOf(SendResult.Sent.class);
        assertThat(one.sender().send(SenderFixtures.outage(81, OPEN_CHANNEL))).isInstanceOf(SendResult.Sent.class);
        assertThat(discord.calls("POST", "channels/\\d+/messages")).extracting(c -> c.body().path("nonce").asText())
                .containsExactlyInAnyOrder("oh80", "oh81");
    }

    @Test
    void aSingleInstanceStillTreatsAChannelOutOfItsCacheAsGone() {
        DiscordFrontEnd bot = start("1/0", new FakeChatCommands());
        discord.clearCalls();

        assertThat(bot.sender().send(SenderFixtures.outage(90, "300000000000000099")))
                .isInstanceOf(SendResult.Permanent.class);
        assertThat(discord.calls("POST", "channels/.*")).as("no REST guess when every shard is here").isEmpty();
    }

    private DiscordFrontEnd start(String shards, FakeChatCommands commands) {
        DiscordFrontEnd bot = new DiscordFrontEnd(discord.config(shards), commands, new FakeSubscriptions(),
                Clock.systemUTC());
        bots.add(bot);
        bot.start();
        await().until(bot::state, s -> s == State.READY);
        return bot;
    }

    private void answered(String interactionId) {
        discord.awaitCall("POST", "interactions/" + interactionId + "/[^/]+/callback");
    }
}
