package net.outageherald.chat.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Commands as people send them in private chats, groups and channels, answered through the fake Bot API. */
class TelegramCommandsTest {

    private static final long USER = 555;
    private static final long GROUP = -1_001_000_000_200L;
    private static final long CHANNEL = -1_001_000_000_300L;

    private BotFixture bot;

    @BeforeEach
    void setUp() throws IOException {
        bot = BotFixture.started();
    }

    @AfterEach
    void tearDown() throws IOException {
        bot.close();
    }

    @Test
    void statusInAPrivateChatIsAnsweredAsAReplyWithTyping() {
        bot.api.push(TelegramJson.privateMessage(1, USER, "/status KP"));

        JsonNode reply = bot.replyTo(USER, 1);

        assertThat(reply.path("text").asText()).contains("North Korea (KP) is online");
        assertThat(reply.path("parse_mode").asText()).isEqualTo("HTML");
        assertThat(reply.path("link_preview_options").path("is_disabled").asBoolean()).isTrue();
        assertThat(reply.path("reply_parameters").path("allow_sending_without_reply").asBoolean()).isTrue();
        assertThat(bot.commands.calls).contains("status KP");
        assertThat(bot.api.calls("sendchataction")).anySatisfy(c -> assertThat(c.body().path("action").asText()).isEqualTo("typing"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/status@HeraldBot AS131279", "/status@heraldbot AS131279", "/status AS131279"})
    void statusInAGroupWithOrWithoutTheBotName(String text) {
        bot.api.push(TelegramJson.groupMessage(2, GROUP, USER, text));

        assertThat(bot.replyTextTo(GROUP, 2)).contains("AS131279 is online");
    }

    @Test
    void aCommandForAnotherBotIsIgnored() {
        bot.api.push(TelegramJson.groupMessage(3, GROUP, USER, "/status@OtherBot KP"));
        bot.api.push(TelegramJson.groupMessage(4, GROUP, USER, "/help"));

        bot.replyTo(GROUP, 4);

        assertThat(bot.findReply(GROUP, 3)).isEmpty();
        assertThat(bot.commands.calls).containsExactly("help");
    }

    @Test
    void groupChatterAndOrdinaryChannelPostsGetNoAnswer() {
        bot.api.push(TelegramJson.groupMessage(5, GROUP, USER, "is anyone else seeing KP down?"));
        bot.api.push(TelegramJson.channelPost(6, CHANNEL, "Today's news: nothing down."));
        bot.api.push(TelegramJson.channelPost(7, CHANNEL, "/fortune"));
        bot.api.push(TelegramJson.groupMessage(8, GROUP, USER, "/help"));

        bot.replyTo(GROUP, 8);

        assertThat(bot.sent()).hasSize(1);
    }

    @Test
    void aChannelPostCommandComesFromTheChannelsAdmins() {
        bot.api.push(TelegramJson.channelPost(9, CHANNEL, "/subscribe KP"));

        assertThat(bot.replyTextTo(CHANNEL, 9)).contains("Subscribed to North Korea (KP)");
        assertThat(bot.commands.calls).containsExactly("subscribe telegram:" + CHANNEL + " KP");
        assertThat(bot.api.calls("getchatadministrators")).isEmpty();
    }

    @Test
    void aPrivateChatBelongsToItsUser() {
        bot.api.push(TelegramJson.privateMessage(10, USER, "/subscribe AS131279"));

        assertThat(bot.replyTextTo(USER, 10)).contains("Subscribed to AS131279");
        assertThat(bot.api.calls("getchatadministrators")).isEmpty();
    }

    @Test
    void aGroupMemberWhoIsNoAdminCannotSubscribeAndIsToldWhy() {
        bot.api.memberStatus(USER, "member");
        bot.api.push(TelegramJson.groupMessage(11, GROUP, USER, "/subscribe KP"));

        String reply = bot.replyTextTo(GROUP, 11);

        assertThat(reply).contains("Only admins can do that").contains("Only the group's admins");
        assertThat(bot.commands.calls).isEmpty();
        JsonNode asked = bot.api.calls("getChatAdministrators").get(0).body();
        assertThat(asked.path("chat_id").asText()).isEqualTo(Long.toString(GROUP));
    }

    /** The bot is a plain member of the group (the fake refuses getChatMember then, as Telegram may). */
    @ParameterizedTest
    @ValueSource(strings = {"administrator", "creator"})
    void aGroupAdminCanSubscribeAndUnsubscribeWhereTheBotIsNoAdmin(String status) {
        bot.api.memberStatus(USER, status);
        bot.api.push(TelegramJson.groupMessage(12, GROUP, USER, "/subscribe KP"));
        bot.replyTo(GROUP, 12);
        bot.api.push(TelegramJson.groupMessage(13, GROUP, USER, "/unsubscribe@HeraldBot KP"));

        assertThat(bot.replyTextTo(GROUP, 13)).contains("Unsubscribed from North Korea (KP)");
        assertThat(bot.replyTextTo(GROUP, 12)).contains("Subscribed to North Korea (KP)");
        // the second command was decided from the cache
        assertThat(bot.api.calls("getchatadministrators")).hasSize(1);
        assertThat(bot.api.calls("getchatmember")).isEmpty();
    }

    @Test
    void adminRightsAreAskedAgainOnceTheCacheExpires() {
        bot.api.memberStatus(USER, "administrator");
        bot.api.push(TelegramJson.groupMessage(14, GROUP, USER, "/subscribe KP"));
        bot.replyTo(GROUP, 14);
        bot.api.memberStatus(USER, "member"); // demoted
        bot.clock.advance(Duration.ofSeconds(61));
        bot.api.push(TelegramJson.groupMessage(15, GROUP, USER, "/unsubscribe KP"));

        assertThat(bot.replyTextTo(GROUP, 15)).contains("Only admins can do that");
        assertThat(bot.api.calls("getchatadministrators")).hasSize(2);
    }

    @Test
    void theAdminListIsCachedPerChatNotPerUser() {
        bot.api.memberStatus(USER, "administrator");
        bot.api.memberStatus(USER + 1, "creator");
        bot.api.push(TelegramJson.groupMessage(40, GROUP, USER, "/subscribe KP"));
        bot.replyTo(GROUP, 40);
        bot.api.push(TelegramJson.groupMessage(41, GROUP, USER + 1, "/unsubscribe KP"));
        bot.api.push(TelegramJson.groupMessage(42, GROUP, USER + 2, "/subscribe KP"));

        assertThat(bot.replyTextTo(GROUP, 41)).contains("Unsubscribed");
        assertThat(bot.replyTextTo(GROUP, 42)).contains("Only admins can do that");
        assertThat(bot.api.calls("getchatadministrators")).hasSize(1);
    }

    @Test
    void aFailedAdminListIsExplainedAndNotCached() {
        bot.api.memberStatus(USER, "administrator");
        bot.api.on("getchatadministrators", b -> FakeBotApi.error(400, "Bad Request: chat not found", null));
        bot.api.push(TelegramJson.groupMessage(43, GROUP, USER, "/subscribe KP"));

        assertThat(bot.replyTextTo(GROUP, 43)).contains("could not check your admin rights", "try again");
        bot.api.on("getchatadministrators", null);
        bot.api.push(TelegramJson.groupMessage(44, GROUP, USER, "/subscribe KP"));

        assertThat(bot.replyTextTo(GROUP, 44)).contains("Subscribed");
    }

    @Test
    void anAnonymousGroupAdminMaySubscribe() {
        var update = TelegramJson.groupMessage(16, GROUP, 1_087_968_824L, "/subscribe KP");
        update.withObject("message").set("sender_chat", TelegramJson.group(GROUP));
        bot.api.push(update);

        assertThat(bot.replyTextTo(GROUP, 16)).contains("Subscribed");
        assertThat(bot.api.calls("getchatadministrators")).isEmpty();
    }

    @Test
    void aSlowStatusDoesNotHoldUpOtherCommands() {
        CountDownLatch gate = new CountDownLatch(1);
        bot.commands.statusGate = gate;
        bot.api.push(TelegramJson.privateMessage(17, USER, "/status KP"));
        await().until(() -> bot.commands.calls.contains("status KP"));
        bot.api.push(TelegramJson.privateMessage(18, USER, "/subscriptions"));

        bot.replyTo(USER, 18);
        assertThat(bot.findReply(USER, 17)).isEmpty();

        gate.countDown();
        assertThat(bot.replyTextTo(USER, 17)).contains("is online");
    }

    @Test
    void someoneSendingTooManyCommandsIsToldOnceThenIgnoredUntilTheMinuteIsOver() {
        for (int i = 0; i < 12; i++) {
            bot.api.push(TelegramJson.privateMessage(50 + i, USER, "/help"));
        }
        // group chatter costs nothing: it is no command to us
        bot.api.push(TelegramJson.groupMessage(70, GROUP, USER, "anyone else seeing KP down?"));
        bot.api.push(TelegramJson.privateMessage(71, USER + 1, "/help"));

        assertThat(bot.replyTextTo(USER, 60)).startsWith("⚠️")
                .contains("You're sending commands quickly; try again in a minute.");
        bot.replyTo(USER + 1, 71); // a later update: the one before it was decided by now
        for (int i = 0; i < 10; i++) {
            assertThat(bot.replyTextTo(USER, 50 + i)).contains("Outage Herald");
        }
        assertThat(bot.findReply(USER, 61)).isEmpty();
        assertThat(bot.commands.calls).hasSize(11);

        bot.clock.advance(Duration.ofMinutes(1));
        bot.api.push(TelegramJson.privateMessage(72, USER, "/help"));
        assertThat(bot.replyTextTo(USER, 72)).contains("Outage Herald");
    }

    @Test
    void helpAndStartExplainTheBot() {
        bot.api.push(TelegramJson.privateMessage(19, USER, "/start"));
        bot.api.push(TelegramJson.privateMessage(20, USER, "/help"));

        assertThat(bot.replyTextTo(USER, 19)).contains("AS131279").contains("RIPE");
        assertThat(bot.replyTextTo(USER, 20)).contains("175.45.176.0/22");
    }

    @Test
    void overTheSubscriptionLimitIsExplained() {
        String[] targets = {"KP", "AS131279", "175.45.176.0/22", "CU"};
        for (int i = 0; i < targets.length; i++) {
            bot.api.push(TelegramJson.privateMessage(30 + i, USER, "/subscribe " + targets[i]));
            bot.replyTo(USER, 30 + i);
        }

        assertThat(bot.replyTextTo(USER, 33)).startsWith("⚠️").contains("limit");
    }
}
