package net.outageherald.chat.discord;

import static net.outageherald.chat.discord.DiscordJson.obj;
import static net.outageherald.chat.discord.FakeDiscord.GUILD_ID;
import static net.outageherald.chat.discord.FakeDiscord.LOCKED_CHANNEL;
import static net.outageherald.chat.discord.FakeDiscord.OPEN_CHANNEL;
import static net.outageherald.chat.discord.FakeDiscord.OTHER_CHANNEL;
import static net.outageherald.chat.discord.FakeDiscord.OTHER_GUILD_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.outageherald.model.Platform;
import net.outageherald.model.Subscription;
import net.outageherald.model.Target;
import net.outageherald.testing.NotifyHarness;
import net.outageherald.outbox.SendResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Subscriptions follow the servers and channels: removed server or deleted channel ends them. */
class DiscordLifecycleTest {

    private final FakeSubscriptions subscriptions = new FakeSubscriptions();
    private FakeDiscord discord;
    private DiscordFrontEnd bot;

    @BeforeEach
    void start() throws Exception {
        discord = new FakeDiscord();
        bot = discord.startBot(new FakeChatCommands(), subscriptions);
        subscriptions.add(OPEN_CHANNEL, "KP");
        subscriptions.add(OPEN_CHANNEL, "AS131279");
        subscriptions.add(LOCKED_CHANNEL, "KP");
        subscriptions.add(OTHER_CHANNEL, "KP");
    }

    @AfterEach
    void stop() {
        bot.stop();
        discord.close();
    }

    @Test
    void removedFromAServerEndsTheSubscriptionsOfItsChannelsOnly() {
        discord.dispatch("GUILD_DELETE", obj("id", OTHER_GUILD_ID));

        await().until(() -> !subscriptions.ended.isEmpty());
        assertThat(subscriptions.ended).singleElement().satisfies(e -> {
            assertThat(e.destination()).isEqualTo(SenderFixtures.discord(OTHER_CHANNEL));
            assertThat(e.reason()).contains("removed from Discord server Elsewhere");
        });
        assertThat(subscriptions.byPlatform(Platform.DISCORD)).hasSize(3);
    }

    @Test
    void aDeletedChannelEndsItsSubscriptions() {
        discord.dispatch("CHANNEL_DELETE", FakeGuilds.channel(OPEN_CHANNEL));

        await().until(() -> !subscriptions.ended.isEmpty());
        assertThat(subscriptions.ended).singleElement().satisfies(e -> {
            assertThat(e.destination()).isEqualTo(SenderFixtures.discord(OPEN_CHANNEL));
            assertThat(e.reason()).contains("#outages was deleted");
        });
        assertThat(subscriptions.of(SenderFixtures.discord(OPEN_CHANNEL))).isEmpty();
        assertThat(bot.sender().send(SenderFixtures.outage(1, OPEN_CHANNEL))).isInstanceOf(SendResult.Permanent.class);
    }

    @Test
    void aDeletedChannelOrALeftServerNeverEndsTheSubscriptionsFromTheConfig(@TempDir Path dir) {
        // GIVEN the real subscription service: a channel of each server following KP from the config and
        // AS131279 by command
        bot.stop();
        try (NotifyHarness h = new NotifyHarness(dir)) {
            bot = discord.startBot(new FakeChatCommands(), h.subscriptions);
            h.subscriptions.syncStatic(Map.of(SenderFixtures.discord(OPEN_CHANNEL), List.of(new Target.As(64500)),
                    SenderFixtures.discord(OTHER_CHANNEL), List.of(new Target.As(64500))));
            h.subscriptions.subscribe(SenderFixtures.discord(OPEN_CHANNEL), new Target.As(131279));
            h.subscriptions.subscribe(SenderFixtures.discord(OTHER_CHANNEL), new Target.As(131279));

            // WHEN the one channel is deleted and the bot is removed from the other's server
            discord.dispatch("CHANNEL_DELETE", FakeGuilds.channel(OPEN_CHANNEL));
            discord.dispatch("GUILD_DELETE", obj("id", OTHER_GUILD_ID));

            // THEN the subscriptions made by command end, the config's stay for the operator to remove
            await().until(() -> h.subscriptions.of(SenderFixtures.discord(OTHER_CHANNEL)).size() == 1
                    && h.subscriptions.of(SenderFixtures.discord(OPEN_CHANNEL)).size() == 1);
            for (String channel : List.of(OPEN_CHANNEL, OTHER_CHANNEL)) {
                assertThat(h.subscriptions.of(SenderFixtures.discord(channel)))
                        .extracting(Subscription::targetKey, Subscription::isStatic)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("AS64500", true));
            }
        }
    }

    @Test
    void aServerThatIsOnlyUnavailableKeepsItsSubscriptions() {
        discord.dispatch("GUILD_DELETE", obj("id", GUILD_ID, "unavailable", true));
        discord.dispatch("CHANNEL_DELETE", FakeGuilds.channel(OTHER_CHANNEL)); // a marker processed after it

        await().until(() -> !subscriptions.ended.isEmpty());
        assertThat(subscriptions.ended).extracting(e -> e.destination().id()).containsExactly(OTHER_CHANNEL);
        assertThat(bot.sender().send(SenderFixtures.outage(2, OPEN_CHANNEL)))
                .as("the channel is out of sight, not gone").isInstanceOf(SendResult.Retry.class);
    }

    @Test
    void joiningAServerPostsNothing() {
        discord.dispatch("GUILD_DELETE", obj("id", OTHER_GUILD_ID));
        await().until(() -> !subscriptions.ended.isEmpty());
        discord.clearCalls();

        discord.dispatch("GUILD_CREATE", FakeGuilds.other());

        await().until(() -> bot.sender().send(SenderFixtures.outage(3, OTHER_CHANNEL)) instanceof SendResult.Sent);
        assertThat(discord.calls()).extracting(FakeDiscord.Call::path)
                .as("only the message we asked for").allMatch(p -> p.equals("channels/" + OTHER_CHANNEL + "/messages"));
    }
}
