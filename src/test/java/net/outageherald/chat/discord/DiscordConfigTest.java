package net.outageherald.chat.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscordConfigTest {

    @Test
    void defaultsPointAtDiscordWithoutAToken() {
        DiscordConfig config = DiscordConfig.defaults();

        assertThat(config.token()).isNull();
        assertThat(config.apiUrl()).isEqualTo("https://discord.com/api/v10/");
        assertThat(config.gatewayUrl()).isEqualTo("wss://gateway.discord.gg/");
        assertThat(config.subscriptions()).isEmpty();
        assertThat(DiscordBotToken.resolve(config)).isEmpty();
    }

    @Test
    void theEnvironmentWinsOverTheFile() {
        DiscordConfig config = DiscordConfig.of("from-file", null, "https://proxy.example/api/v10", null, List.of(),
                Map.of("DISCORD_BOT_TOKEN", "from-env", "HERALD_DISCORD_API_URL", "http://127.0.0.1:8080/api/v10",
                        "HERALD_DISCORD_GATEWAY_URL", "ws://127.0.0.1:8080/gateway"));

        assertThat(config.token()).isEqualTo("from-env");
        assertThat(config.apiUrl()).as("with the trailing slash RestConfig wants")
                .isEqualTo("http://127.0.0.1:8080/api/v10/");
        assertThat(config.gatewayUrl()).isEqualTo("ws://127.0.0.1:8080/gateway");
    }

    @Test
    void theTokenIsMaskedInToString() {
        DiscordConfig config = DiscordConfig.of("MTAxMjM0NTY3ODkw.secret", null, null, null, List.of(), Map.of());

        assertThat(config.toString()).doesNotContain("secret").contains("token=****");
    }

    @Test
    void aTokenFileIsReadWhenThereIsNoToken(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("discord.token");
        Files.writeString(file, "\n  Bot abc.def.ghi  \n");

        DiscordConfig config = DiscordConfig.of(null, file.toString(), null, null, List.of(), Map.of());

        assertThat(DiscordBotToken.resolve(config)).contains("abc.def.ghi");
    }

    @Test
    void anUnreadableTokenFileIsNamedButNeverQuoted(@TempDir Path dir) {
        DiscordConfig config = DiscordConfig.of(null, dir.resolve("missing").toString(), null, null, List.of(), Map.of());

        assertThatThrownBy(() -> DiscordBotToken.resolve(config)).hasMessageContaining("discord.token-file")
                .hasMessageContaining("missing");
    }

    @Test
    void badValuesAreRejectedWithTheirPath() {
        assertThatThrownBy(() -> DiscordConfig.of(null, null, "ftp://x/", null, List.of(), Map.of()))
                .hasMessageStartingWith("discord.api-url");
        assertThatThrownBy(() -> DiscordConfig.of(null, null, null, "https://gateway", List.of(), Map.of()))
                .hasMessageStartingWith("discord.gateway-url");
        assertThatThrownBy(() -> new DiscordConfig.StaticSubscription("#outages", List.of("KP")))
                .hasMessageStartingWith("discord.subscriptions");
        assertThatThrownBy(() -> new DiscordConfig.StaticSubscription("123456789012345678", List.of()))
                .hasMessageContaining("no targets");
    }

    @Test
    void staticSubscriptionsNameTheirDestination() {
        DiscordConfig.StaticSubscription s = new DiscordConfig.StaticSubscription(" 123456789012345678 ", List.of("KP"));

        assertThat(s.destination().key()).isEqualTo("discord:123456789012345678");
    }
}
