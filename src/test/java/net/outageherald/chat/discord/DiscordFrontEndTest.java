package net.outageherald.chat.discord;

import net.outageherald.testing.LogCapture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import net.outageherald.outbox.SendResult;
import net.outageherald.chat.discord.DiscordFrontEnd.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Start-up against the fake Discord: gateway session, command registration, and the ways start can fail. */
class DiscordFrontEndTest {

    private final FakeChatCommands commands = new FakeChatCommands();
    private final FakeSubscriptions subscriptions = new FakeSubscriptions();
    private final LogCapture log = new LogCapture("net.outageherald.chat.discord");
    private FakeDiscord discord;
    private DiscordFrontEnd bot;

    @BeforeEach
    void setUp() throws Exception {
        discord = new FakeDiscord();
    }

    @AfterEach
    void tearDown() {
        if (bot != null) {
            bot.stop();
        }
        discord.close();
        log.close();
    }

    @Test
    void connectsHandlesReadyAndGuildCreateAndRegistersTheCommands() {
        bot = start(discord.config());

        assertThat(bot.state()).isEqualTo(State.READY);
        assertThat(discord.gatewayQueries()).singleElement().asString()
                .contains("v=10", "encoding=json", "compress=zlib-stream");
        JsonNode identify = discord.identifies().get(0);
        assertThat(identify.path("intents").asInt()).as("GUILDS only, nothing privileged").isEqualTo(1);
        assertThat(bot.sender().send(SenderFixtures.outage(1, FakeDiscord.OTHER_CHANNEL)))
                .as("the channels of every GUILD_CREATE are known").isInstanceOf(SendResult.Sent.class);

        JsonNode commandsPut = discord.awaitCall("PUT", "applications/" + FakeDiscord.BOT_ID + "/commands").body();
        Map<String, JsonNode> byName = new HashMap<>();
        commandsPut.forEach(c -> byName.put(c.path("name").asText(), c));
        assertThat(byName).containsOnlyKeys("status", "subscribe", "unsubscribe", "subscriptions", "history", "chart",
                "help");
        byName.values().forEach(c -> {
            assertThat(c.path("type").asInt()).isEqualTo(1);
            assertThat(c.path("description").asText()).isNotBlank().hasSizeLessThanOrEqualTo(100);
            assertThat(texts(c.path("contexts"))).containsExactly("0");
        });
        assertThat(byName.get("subscribe").path("default_member_permissions").asText()).isEqualTo("32");
        assertThat(byName.get("unsubscribe").path("default_member_permissions").asText()).isEqualTo("32");
        assertThat(byName.get("status").path("default_member_permissions").isNull()).isTrue();

        JsonNode target = option(byName.get("subscribe"), "target");
        assertThat(target.path("type").asInt()).as("STRING").isEqualTo(3);
        assertThat(target.path("required").asBoolean()).isTrue();
        assertThat(target.path("autocomplete").asBoolean()).isTrue();
        assertThat(target.path("description").asText()).isNotBlank();
        JsonNode channel = option(byName.get("subscribe"), "channel");
        assertThat(channel.path("type").asInt()).as("CHANNEL").isEqualTo(7);
        assertThat(channel.path("required").asBoolean()).isFalse();
        assertThat(texts(channel.path("channel_types"))).containsExactlyInAnyOrder("0", "5");
        for (String name : List.of("status", "history", "unsubscribe")) {
            assertThat(option(byName.get(name), "target").path("autocomplete").asBoolean()).isTrue();
        }
        assertThat(byName.get("subscriptions").path("options")).isEmpty();
        assertThat(byName.get("help").path("options")).isEmpty();
        await().until(log::all, lines -> lines.contains("Registered 7 slash commands"));
    }

    @Test
    void withoutATokenDiscordDoesNotStartAndSaysSoOnce() {
        DiscordConfig noToken = TestDiscordConfig.at(discord.apiUrl(), discord.gatewayUrl(), null);

        bot = start(noToken);

        assertThat(bot.state()).isEqualTo(State.DISABLED);
        assertThat(discord.calls()).isEmpty();
        assertThat(log.all()).filteredOn(l -> l.contains("Discord is off: no bot token")).hasSize(1);
        assertThat(bot.sender().send(SenderFixtures.outage(1, FakeDiscord.OPEN_CHANNEL)))
                .isInstanceOf(SendResult.Retry.class);
    }

    @Test
    void aTokenRejectedByTheRestApiIsOneClearErrorAndNoException() {
        discord.rejectTokenOnRest();

        bot = start(discord.config());

        assertThat(bot.state()).isEqualTo(State.FAILED);
        assertThat(log.errors()).hasSize(1).first().asString()
                .contains("rejected the bot token").contains("DISCORD_BOT_TOKEN").doesNotContain(FakeDiscord.TOKEN);
        assertThat(discord.identifies()).isEmpty();
    }

    @Test
    void aTokenRejectedByTheGatewayIsOneClearErrorAndNoException() {
        discord.rejectTokenOnGateway();

        bot = start(discord.config());

        await().until(bot::state, s -> s == State.FAILED);
        assertThat(log.errors()).filteredOn(l -> l.contains("4004")).hasSize(1).first().asString()
                .contains("rejected the bot token").doesNotContain(FakeDiscord.TOKEN);
    }

    @Test
    void anUnreachableDiscordDoesNotHoldUpStartAndIsRetriedInTheBackground() {
        DiscordConfig nowhere = TestDiscordConfig.at("http://127.0.0.1:9/api/v10/", discord.gatewayUrl(),
                FakeDiscord.TOKEN);
        long began = System.nanoTime();

        bot = start(nowhere);

        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(10));
        assertThat(bot.state()).isEqualTo(State.CONNECTING);
        assertThat(log.errors()).isEmpty();
        assertThat(log.all()).filteredOn(l -> l.startsWith("Discord cannot be reached")).hasSize(1);
    }

    @Test
    void environmentOverridesTheConfiguredUrlsAndToken() {
        DiscordConfig elsewhere = TestDiscordConfig.bind("""
                token: wrong
                api-url: http://127.0.0.1:9/api/v10/
                gateway-url: ws://127.0.0.1:9/
                request-timeout: 5s
                start-timeout: 20s
                shutdown-timeout: 2s
                """, Map.of(DiscordConfig.TOKEN_ENV, FakeDiscord.TOKEN,
                DiscordConfig.API_URL_ENV, discord.apiUrl(), DiscordConfig.GATEWAY_URL_ENV, discord.gatewayUrl()));

        bot = start(elsewhere);

        assertThat(bot.state()).isEqualTo(State.READY);
    }

    @Test
    void stopShutsJdaDownAndLaterSendsWait() {
        bot = start(discord.config());

        bot.stop();

        assertThat(bot.state()).isEqualTo(State.STOPPED);
        assertThat(bot.sender().send(SenderFixtures.outage(2, FakeDiscord.OPEN_CHANNEL)))
                .isInstanceOf(SendResult.Retry.class);
        assertThat(log.errors()).isEmpty();
    }

    private DiscordFrontEnd start(DiscordConfig config) {
        DiscordFrontEnd frontEnd = new DiscordFrontEnd(config, commands, subscriptions, Clock.systemUTC());
        frontEnd.start();
        return frontEnd;
    }

    private static JsonNode option(JsonNode command, String name) {
        return StreamSupport.stream(command.path("options").spliterator(), false)
                .filter(o -> o.path("name").asText().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
