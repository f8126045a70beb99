package net.outageherald.chat.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.outageherald.config.ConfigException;
import net.outageherald.model.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TelegramConfigTest {

    private static final String TOKEN = "123456:AAF-secret_value";

    @Test
    void anEmptySectionBindsToTheDefaults() {
        assertThat(TestTelegramConfig.bind("", Map.of())).isEqualTo(TelegramConfig.defaults());
    }

    @Test
    void paidBroadcastsAreOffUnlessTheOperatorAllowsThem() {
        assertThat(TelegramConfig.defaults().allowPaidBroadcast()).isFalse();
        assertThat(TestTelegramConfig.bind("allow-paid-broadcast: true", Map.of()).allowPaidBroadcast()).isTrue();
    }

    @Test
    void defaultsHaveNoTokenAndTheOfficialApi() {
        TelegramConfig c = TelegramConfig.defaults();

        assertThat(c.botToken()).isEmpty();
        assertThat(c.apiUrl()).isEqualTo(URI.create("https://api.telegram.org"));
        assertThat(c.adminCacheTtl()).isEqualTo(Duration.ofSeconds(60));
        assertThat(TelegramFrontEnd.telegramUrl(c).getPort()).isEqualTo(443);
    }

    @Test
    void theEnvironmentGivesTokenAndApiUrl() {
        TelegramConfig c = TestTelegramConfig.bind("", Map.of("TELEGRAM_BOT_TOKEN", TOKEN,
                "HERALD_TELEGRAM_API_URL", "http://127.0.0.1:8081"));

        assertThat(c.botToken().orElseThrow().reveal()).isEqualTo(TOKEN);
        assertThat(TelegramFrontEnd.telegramUrl(c)).satisfies(u -> {
            assertThat(u.getSchema()).isEqualTo("http");
            assertThat(u.getHost()).isEqualTo("127.0.0.1");
            assertThat(u.getPort()).isEqualTo(8081);
        });
    }

    @Test
    void theTokenComesFromTheTokenFileWhenTheEnvironmentHasNone(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("telegram-token");
        Files.writeString(file, TOKEN + "\n");

        TelegramConfig c = TestTelegramConfig.bind("token-file: telegram-token", Map.of(), dir);

        assertThat(c.botToken().orElseThrow().reveal()).isEqualTo(TOKEN);
    }

    @Test
    void aMissingTokenFileIsAClearStartUpErrorWithoutTheToken(@TempDir Path dir) {
        assertThatThrownBy(() -> TestTelegramConfig.bind("token-file: nope", Map.of(), dir))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("telegram.token-file").hasMessageContaining("no such file");
    }

    @Test
    void theTokenIsNeverPrinted() {
        TelegramConfig c = TestTelegramConfig.bind("", Map.of("TELEGRAM_BOT_TOKEN", TOKEN));

        assertThat(c.toString()).doesNotContain(TOKEN).doesNotContain("AAF-secret").contains("***");
        assertThat(c.token().redact("POST /bot" + TOKEN + "/sendmessage")).isEqualTo("POST /bot***/sendmessage");
        assertThat(c.token().botId()).isEqualTo("123456");
    }

    @Test
    void aBadTokenShapeIsRejectedWithoutEchoingIt() {
        assertThatThrownBy(() -> new TelegramBotToken("123:abc def")).hasMessageNotContaining("abc");
    }

    @Test
    void theApiUrlIsSchemeHostAndPortOnly() {
        assertThatThrownBy(() -> TestTelegramConfig.bind("", Map.of("HERALD_TELEGRAM_API_URL", "http://127.0.0.1:8081/bot123")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("telegram.api-url");
        assertThatThrownBy(() -> TestTelegramConfig.bind("api-url: ftp://example.org", Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("telegram.api-url");
    }

    @Test
    void staticSubscriptionsParseTheirTargets() {
        List<TelegramConfig.StaticSubscription> subs = TestTelegramConfig.bind("""
                subscriptions:
                  - chat: "@some_channel"
                    targets: [KP, as131279]
                  - chat: -1001234567890
                    targets: [North Korea]
                """, Map.of()).subscriptions();

        assertThat(subs.get(0).targets()).extracting(Target::key).containsExactly("KP", "AS131279");
        assertThat(subs.get(0).destination().key()).isEqualTo("telegram:@some_channel");
        assertThat(subs.get(1).destination().id()).isEqualTo("-1001234567890");
    }

    @Test
    void staticSubscriptionsWithBadChatsOrTargetsFailWithThePath() {
        assertThatThrownBy(() -> subscription("some channel", "[KP]"))
                .hasMessageContaining("telegram.subscriptions[0]").hasMessageContaining("@channelname");
        assertThatThrownBy(() -> subscription("@some_channel", "[Atlantis]"))
                .hasMessageContaining("telegram.subscriptions[0].targets[0]").hasMessageContaining("Atlantis");
        assertThatThrownBy(() -> subscription("@some_channel", "[]"))
                .hasMessageContaining("telegram.subscriptions[0].targets").hasMessageContaining("list what this chat follows");
    }

    private static TelegramConfig subscription(String chat, String targets) {
        return TestTelegramConfig.bind("""
                subscriptions:
                  - chat: "%s"
                    targets: %s
                """.formatted(chat, targets), Map.of());
    }
}
