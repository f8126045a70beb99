package net.outageherald.chat.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.outageherald.config.ConfigException;
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
    }

    @Test
    void anEmptySectionBindsToTheDefaults() {
        assertThat(TestDiscordConfig.bind("", Map.of())).isEqualTo(DiscordConfig.defaults());
    }

    @Test
    void theEnvironmentWinsOverTheFile() {
        DiscordConfig config = TestDiscordConfig.bind("""
                token: from-file
                api-url: https://proxy.example/api/v10
                """, Map.of("DISCORD_BOT_TOKEN", "from-env", "HERALD_DISCORD_API_URL", "http://127.0.0.1:8080/api/v10",
                "HERALD_DISCORD_GATEWAY_URL", "ws://127.0.0.1:8080/gateway"));

        assertThat(config.token()).isEqualTo("from-env");
        assertThat(config.apiUrl()).as("with the trailing slash RestConfig wants")
                .isEqualTo("http://127.0.0.1:8080/api/v10/");
        assertThat(config.gatewayUrl()).isEqualTo("ws://127.0.0.1:8080/gateway");
    }

    @Test
    void theTokenIsMaskedInToString() {
        DiscordConfig config = TestDiscordConfig.bind("token: MTAxMjM0NTY3ODkw.secret", Map.of());

        assertThat(config.toString()).doesNotContain("secret").contains("token=****");
    }

    @Test
    void aTokenFileIsReadWhenThereIsNoTokenAndAPastedBotPrefixIsDropped(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("discord.token"), "\n  Bot abc.def.ghi  \n");

        DiscordConfig config = TestDiscordConfig.bind("token-file: discord.token", Map.of(), dir);

        assertThat(config.token()).isEqualTo("abc.def.ghi");
    }

    @Test
    void anUnreadableTokenFileIsNamedButNeverQuoted(@TempDir Path dir) {
        assertThatThrownBy(() -> TestDiscordConfig.bind("token-file: missing", Map.of(), dir))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("discord.token-file").hasMessageContaining("missing");
    }

    @Test
    void badValuesAreRejectedWithTheirPath() {
        assertThatThrownBy(() -> TestDiscordConfig.bind("api-url: ftp://x/", Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("discord.api-url");
        assertThatThrownBy(() -> TestDiscordConfig.bind("gateway-url: https://gateway", Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("discord.gateway-url");
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
