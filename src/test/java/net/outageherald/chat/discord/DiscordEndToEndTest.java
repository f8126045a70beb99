package net.outageherald.chat.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.outageherald.testing.Harness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole service against a fake RIPEstat and a fake Discord: a server admin subscribes a channel with
 * /subscribe, the outage arrives there as an embed, and the restoration edits that embed and replies to it.
 */
class DiscordEndToEndTest {

    private static final String[] PREFIXES = {"175.45.176.0/24", "175.45.177.0/24", "175.45.178.0/24",
            "175.45.179.0/24"};

    @TempDir
    Path dir;

    @Test
    void aSubscribedChannelGetsTheOutageEmbedThenItsEditAndAReply() throws Exception {
        try (FakeDiscord discord = new FakeDiscord();
             Harness h = new Harness(dir, "", """
                     detection:
                       spread-polls: false
                     notify:
                       console: false
                     discord:
                       start-timeout: 20s
                       shutdown-timeout: 2s
                     """, Map.of("DISCORD_BOT_TOKEN", FakeDiscord.TOKEN,
                     "HERALD_DISCORD_API_URL", discord.apiUrl(),
                     "HERALD_DISCORD_GATEWAY_URL", discord.gatewayUrl()))) {
            h.ripestat.as(131279, "STAR-KP", 20, PREFIXES);
            h.app().startChats();
            discord.awaitCall("PUT", "applications/" + FakeDiscord.BOT_ID + "/commands");

            // WHEN an admin subscribes the open channel
            discord.slash(FakeDiscord.ADMIN, FakeDiscord.OPEN_CHANNEL, "subscribe", Map.of("target", "AS131279"));
            discord.awaitCall("POST", "interactions/.*/callback.*");
            assertThat(h.app().subscriptions().subscribedTargetKeys()).contains("AS131279");

            // AND the AS goes dark, then comes back
            h.poll(3);
            h.seenBy(0, PREFIXES);
            h.poll(4);
            h.seenBy(20, PREFIXES);
            h.poll(3);
            h.settle();

            // THEN one red embed announced the outage, with a nonce that Discord enforces
            String channelMessages = "channels/" + FakeDiscord.OPEN_CHANNEL + "/messages";
            List<FakeDiscord.Call> posts = discord.calls("POST", channelMessages);
            List<FakeDiscord.Call> outage = posts.stream()
                    .filter(c -> c.body().path("embeds").path(0).path("title").asText().contains("is offline")).toList();
            assertThat(outage).hasSize(1);
            assertThat(outage.get(0).body().path("embeds").path(0).path("color").asInt()).isEqualTo(DiscordRenderer.RED);
            assertThat(outage.get(0).body().path("nonce").asText()).isNotBlank();
            assertThat(outage.get(0).body().path("enforce_nonce").asBoolean()).isTrue();
            // AND the restoration replied to it, and it was edited in place to say it is resolved
            FakeDiscord.Call edit = discord.calls("PATCH", channelMessages + "/\\d+").get(0);
            String original = edit.path().substring(edit.path().lastIndexOf('/') + 1);
            assertThat(edit.body().path("embeds").path(0).path("title").asText()).contains("Resolved");
            assertThat(posts).anySatisfy(c -> {
                assertThat(c.body().path("embeds").path(0).path("title").asText()).contains("is back online");
                assertThat(c.body().path("message_reference").path("message_id").asText()).isEqualTo(original);
            });
        }
    }
}
