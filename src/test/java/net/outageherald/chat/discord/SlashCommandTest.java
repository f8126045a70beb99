package net.outageherald.chat.discord;

import static net.outageherald.chat.discord.FakeDiscord.ADMIN;
import static net.outageherald.chat.discord.FakeDiscord.BOT_ID;
import static net.outageherald.chat.discord.FakeDiscord.LOCKED_CHANNEL;
import static net.outageherald.chat.discord.FakeDiscord.MEMBER;
import static net.outageherald.chat.discord.FakeDiscord.OPEN_CHANNEL;
import static net.outageherald.chat.discord.FakeDiscord.OTHER_CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.outageherald.command.Reply;
import net.outageherald.chat.discord.DiscordFrontEnd.State;
import net.outageherald.testing.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Slash commands end to end: fake gateway interaction in, fake REST callback out. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlashCommandTest {

    private static final int EPHEMERAL = 64;

    private final FakeChatCommands commands = new FakeChatCommands();
    private final FakeSubscriptions subscriptions = new FakeSubscriptions();
    private final MutableClock clock = new MutableClock(Instant.parse("2014-12-22T16:15:00Z"));
    private FakeDiscord discord;
    private DiscordFrontEnd bot;

    @BeforeAll
    void start() throws Exception {
        discord = new FakeDiscord();
        bot = discord.startBot(commands, subscriptions, clock);
        assertThat(bot.state()).isEqualTo(State.READY);
    }

    @AfterAll
    void stop() {
        bot.stop();
        discord.close();
    }

    @BeforeEach
    void reset() {
        clock.advance(Duration.ofMinutes(1)); // each test starts with a full command allowance
        commands.calls.clear();
        commands.statusReply = new FakeChatCommands().statusReply;
    }

    @Test
    void statusIsDeferredAndTheAnswerReplacesThePlaceholder() {
        commands.holdStatus();

        String id = discord.slash(MEMBER, OPEN_CHANNEL, "status", Map.of("target", "North Korea"));

        FakeDiscord.Call callback = callback(id);
        assertThat(callback.query()).contains("with_response=true");
        assertThat(callback.body().path("type").asInt()).as("DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE").isEqualTo(5);
        assertThat(callback.body().path("data").path("flags").asInt()).as("public").isZero();
        commands.releaseStatus();
        JsonNode edit = discord.awaitCall("PATCH", "webhooks/" + BOT_ID + "/token-" + id + "/messages/@original").body();
        JsonNode embed = edit.path("embeds").get(0);
        assertThat(embed.path("title").asText()).isEqualTo("🔴 North Korea (KP) is offline");
        assertThat(embed.path("color").asInt()).isEqualTo(DiscordRenderer.RED);
        assertThat(commands.calls).containsExactly("status North Korea");
    }

    @Test
    void aDeferredRefusalBecomesAPrivateFollowUp() {
        commands.statusReply = Reply.error("Not watched", "AS64496 is not watched and the live check failed.");

        String id = discord.slash(MEMBER, OPEN_CHANNEL, "status", Map.of("target", "AS64496"));

        assertThat(callback(id).body().path("type").asInt()).isEqualTo(5);
        discord.awaitCall("DELETE", "webhooks/" + BOT_ID + "/token-" + id + "/messages/@original");
        JsonNode followUp = discord.awaitCall("POST", "webhooks/" + BOT_ID + "/token-" + id).body();
        assertThat(followUp.path("flags").asInt() & EPHEMERAL).isEqualTo(EPHEMERAL);
        assertThat(followUp.path("embeds").get(0).path("title").asText()).contains("Not watched");
    }

    @Test
    void historyIsDeferredToo() {
        String id = discord.slash(MEMBER, OPEN_CHANNEL, "history", Map.of("target", "kp"));

        assertThat(callback(id).body().path("type").asInt()).isEqualTo(5);
        discord.awaitCall("PATCH", "webhooks/" + BOT_ID + "/token-" + id + "/messages/@original");
        assertThat(commands.calls).containsExactly("history kp");
    }

    @Test
    void helpAndSubscriptionsAnswerAtOnceAndPublicly() {
        JsonNode help = callback(discord.slash(MEMBER, OPEN_CHANNEL, "help", Map.of())).body();
        JsonNode list = callback(discord.slash(MEMBER, OPEN_CHANNEL, "subscriptions", Map.of())).body();

        for (JsonNode reply : List.of(help, list)) {
            assertThat(reply.path("type").asInt()).as("CHANNEL_MESSAGE_WITH_SOURCE").isEqualTo(4);
            assertThat(reply.path("data").path("flags").asInt() & EPHEMERAL).isZero();
            assertThat(reply.path("data").path("allowed_mentions").path("parse")).isEmpty();
        }
        assertThat(commands.calls).contains("help", "subscriptions " + OPEN_CHANNEL);
    }

    @Test
    void aMemberWithoutManageServerCannotSubscribeOrUnsubscribe() {
        for (String command : List.of("subscribe", "unsubscribe")) {
            JsonNode reply = callback(discord.slash(MEMBER, OPEN_CHANNEL, command, Map.of("target", "KP"))).body();

            assertThat(reply.path("type").asInt()).isEqualTo(4);
            assertThat(reply.path("data").path("flags").asInt()).isEqualTo(EPHEMERAL);
            assertThat(reply.path("data").path("embeds").get(0).path("title").asText()).contains("Manage Server");
        }
        assertThat(commands.calls).isEmpty();
    }

    @Test
    void anAdminSubscribesThisChannel() {
        JsonNode reply = callback(discord.slash(ADMIN, OPEN_CHANNEL, "subscribe", Map.of("target", "North Korea"))).body();

        assertThat(commands.calls).containsExactly("subscribe " + OPEN_CHANNEL + " North Korea");
        assertThat(reply.path("type").asInt()).isEqualTo(4);
        assertThat(reply.path("data").path("flags").asInt() & EPHEMERAL).isZero();
        assertThat(reply.path("data").path("embeds").get(0).path("color").asInt()).isEqualTo(DiscordRenderer.GREEN);
    }

    @Test
    void anAdminSubscribesTheChosenChannel() {
        callback(discord.slash(ADMIN, LOCKED_CHANNEL, "subscribe", Map.of("target", "KP", "channel", OPEN_CHANNEL)));

        assertThat(commands.calls).containsExactly("subscribe " + OPEN_CHANNEL + " KP");
    }

    @Test
    void aChannelWhereTheBotCannotPostIsRefusedWithWhatIsMissing() {
        JsonNode reply = callback(discord.slash(ADMIN, OPEN_CHANNEL, "subscribe",
                Map.of("target", "KP", "channel", LOCKED_CHANNEL))).body();

        assertThat(reply.path("data").path("flags").asInt()).isEqualTo(EPHEMERAL);
        JsonNode embed = reply.path("data").path("embeds").get(0);
        assertThat(embed.path("title").asText()).contains("read-only");
        assertThat(embed.path("description").asText()).contains("Send Messages", "Embed Links")
                .doesNotContain("View Channel");
        assertThat(commands.calls).isEmpty();
    }

    @Test
    void unsubscribeWorksForAChannelTheBotCanNoLongerPostIn() {
        callback(discord.slash(ADMIN, OPEN_CHANNEL, "unsubscribe", Map.of("target", "KP", "channel", LOCKED_CHANNEL)));

        assertThat(commands.calls).containsExactly("unsubscribe " + LOCKED_CHANNEL + " KP");
    }

    @Test
    void aFailingCommandStillGetsAPrivateAnswer() {
        commands.statusReply = null; // the fake's status then throws

        String id = discord.slash(MEMBER, OPEN_CHANNEL, "status", Map.of("target", "KP"));

        JsonNode followUp = discord.awaitCall("POST", "webhooks/" + BOT_ID + "/token-" + id).body();
        assertThat(followUp.path("flags").asInt()).isEqualTo(EPHEMERAL);
        assertThat(followUp.path("embeds").get(0).path("title").asText()).contains("went wrong");
    }

    @Test
    void autocompleteOffersWhatTheCommandsSuggestWithParsableValues() {
        String id = discord.autocomplete(MEMBER, OPEN_CHANNEL, "subscribe", "nor");

        JsonNode reply = callback(id).body();
        assertThat(reply.path("type").asInt()).as("APPLICATION_COMMAND_AUTOCOMPLETE_RESULT").isEqualTo(8);
        JsonNode choices = reply.path("data").path("choices");
        // a value the parser cannot read, or one offered twice, is left out
        assertThat(choices).hasSize(2);
        assertThat(choices.get(0).path("name").asText()).isEqualTo("AS131279 STAR-KP");
        assertThat(choices.get(0).path("value").asText()).isEqualTo("AS131279");
        assertThat(choices.get(1).path("name").asText()).isEqualTo("North Korea (KP)");
        assertThat(choices.get(1).path("value").asText()).isEqualTo("KP");
        assertThat(commands.calls).containsExactly("suggest " + OPEN_CHANNEL + " nor");
    }

    @Test
    void unsubscribeAutocompletesWhatTheChannelItNamesFollows() {
        String id = discord.autocomplete(ADMIN, OPEN_CHANNEL, "unsubscribe", "as", LOCKED_CHANNEL);

        JsonNode choices = callback(id).body().path("data").path("choices");
        assertThat(choices).hasSize(1);
        assertThat(choices.get(0).path("value").asText()).isEqualTo("AS64500");
        assertThat(commands.calls).containsExactly("suggestFollowed " + LOCKED_CHANNEL + " as");
    }

    @Test
    void autocompleteNeverOffersWhatAChannelOfAnotherServerFollows() {
        // a crafted autocomplete naming #elsewhere of another server, or no channel at all
        String other = discord.autocomplete(ADMIN, OPEN_CHANNEL, "unsubscribe", "as", OTHER_CHANNEL);
        String junk = discord.autocomplete(ADMIN, OPEN_CHANNEL, "unsubscribe", "as", "not-a-channel");

        assertThat(callback(other).body().path("type").asInt()).isEqualTo(8);
        assertThat(callback(junk).body().path("type").asInt()).isEqualTo(8);
        assertThat(commands.calls).containsExactly("suggestFollowed " + OPEN_CHANNEL + " as",
                "suggestFollowed " + OPEN_CHANNEL + " as");
    }

    @Test
    void autocompleteForTheCommandsChannelWhenNoneIsNamed() {
        String id = discord.autocomplete(ADMIN, OPEN_CHANNEL, "unsubscribe", "");

        assertThat(callback(id).body().path("type").asInt()).isEqualTo(8);
        assertThat(commands.calls).containsExactly("suggestFollowed " + OPEN_CHANNEL + " ");
    }

    /** Every kind of bad target: answered at once, privately, with the accepted forms; nothing is called. */
    @ParameterizedTest
    @MethodSource("badTargets")
    void badInputGetsAnImmediatePrivateHelpfulReply(String command, String target) {
        String id = discord.slash(ADMIN, OPEN_CHANNEL, command, Map.of("target", target));

        JsonNode reply = callback(id).body();
        assertThat(reply.path("type").asInt()).as("answered at once, not deferred").isEqualTo(4);
        assertThat(reply.path("data").path("flags").asInt()).isEqualTo(EPHEMERAL);
        JsonNode embed = reply.path("data").path("embeds").get(0);
        assertThat(embed.path("description").asText()).contains("AS131279").hasSizeLessThanOrEqualTo(4096);
        assertThat(embed.path("description").asText()).doesNotContainPattern("(?<!\\\\)@everyone");
        assertThat(reply.path("data").path("allowed_mentions").path("parse")).isEmpty();
        assertThat(commands.calls).isEmpty();
    }

    static Stream<Arguments> badTargets() {
        List<String> targets = List.of("", "   ", "x".repeat(300), "AS99999999999", "AS0", "131279",
                "🙂🙂🙂", "Ñoñolandia", "'; DROP TABLE subscriptions;--", "<@&123456789012345678> @everyone",
                "[click me](https://evil.example)", "**bold** _it_ `code` ||spoiler||", "175.45.176.0/99",
                "10.0.0.1", "\u202e\u0000gnp.exe", "${jndi:ldap://x}");
        return Stream.of("status", "subscribe", "unsubscribe", "history", "chart")
                .flatMap(c -> targets.stream().map(t -> Arguments.of(c, t)));
    }

    @Test
    void aMemberSendingTooManyCommandsIsToldOnceThenIgnoredUntilTheMinuteIsOver() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(discord.slash(MEMBER, OPEN_CHANNEL, "help", Map.of()));
        }
        JsonNode told = callback(ids.get(10)).body();
        callback(discord.slash(ADMIN, OPEN_CHANNEL, "help", Map.of())); // others are not held up

        assertThat(ids.subList(0, 10)).allSatisfy(id -> assertThat(callback(id).body().path("data").path("flags")
                .asInt() & EPHEMERAL).isZero());
        assertThat(told.path("data").path("flags").asInt()).isEqualTo(EPHEMERAL);
        assertThat(told.path("data").path("embeds").get(0).path("description").asText())
                .isEqualTo("You're sending commands quickly; try again in a minute.");
        assertThat(discord.calls("POST", "interactions/" + ids.get(11) + "/.*")).isEmpty();
        assertThat(commands.calls).hasSize(11);

        clock.advance(Duration.ofMinutes(1));
        assertThat(callback(discord.slash(MEMBER, OPEN_CHANNEL, "help", Map.of())).body().path("data")
                .path("embeds").get(0).path("title").asText()).contains("Outage Herald");
    }

    @Test
    void anUnknownCommandIsAnsweredPrivately() {
        JsonNode reply = callback(discord.slash(MEMBER, OPEN_CHANNEL, "reboot", Map.of())).body();

        assertThat(reply.path("data").path("flags").asInt()).isEqualTo(EPHEMERAL);
        assertThat(reply.path("data").path("embeds").get(0).path("description").asText()).contains("/help");
    }

    private FakeDiscord.Call callback(String interactionId) {
        return discord.awaitCall("POST", "interactions/" + interactionId + "/[^/]+/callback");
    }
}
