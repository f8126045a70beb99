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
import net.outageherald.model.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TelegramConfigTest {

    private static final String TOKEN = "123456:AAF-secret_value";

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
        TelegramConfig c = TelegramConfig.fromEnv(Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "HERALD_TELEGRAM_API_URL", "http://127.0.0.1:8081"));

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

        TelegramConfig c = TelegramConfig.of(file.toString(), null, List.of(), Duration.ofSeconds(30), Duration.ofSeconds(50),
                Duration.ofSeconds(20), Map.of());

        assertThat(c.botToken().orElseThrow().reveal()).isEqualTo(TOKEN);
        assertThat(c.tokenFile()).isEqualTo(file);
    }

    @Test
    void aMissingTokenFileIsAClearStartUpErrorWithoutTheToken(@TempDir Path dir) {
        assertThatThrownBy(() -> TelegramConfig.of(dir.resolve("nope").toString(), null, List.of(), Duration.ZERO,
                Duration.ofSeconds(50), Duration.ofSeconds(20), Map.of()))
                .hasMessageContaining("telegram.token-file").hasMessageContaining("no such file");
    }

    @Test
    void theTokenIsNeverPrinted() {
        TelegramConfig c = TelegramConfig.fromEnv(Map.of("TELEGRAM_BOT_TOKEN", TOKEN));

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
        assertThatThrownBy(() -> TelegramConfig.fromEnv(Map.of("HERALD_TELEGRAM_API_URL", "http://127.0.0.1:8081/bot123")))
                .hasMessageContaining("telegram.api-url");
        assertThatThrownBy(() -> TelegramConfig.fromEnv(Map.of("HERALD_TELEGRAM_API_URL", "ftp://example.org")))
                .hasMessageContaining("telegram.api-url");
    }

    @Test
    void staticSubscriptionsParseTheirTargets() {
        TelegramConfig.StaticSubscription s = TelegramConfig.StaticSubscription.of("@some_channel", List.of("KP", "as131279"));

        assertThat(s.targets()).extracting(Target::key).containsExactly("KP", "AS131279");
        assertThat(s.destination().key()).isEqualTo("telegram:@some_channel");
        assertThat(TelegramConfig.StaticSubscription.of("-1001234567890", List.of("North Korea")).destination().id())
                .isEqualTo("-1001234567890");
    }

    @Test
    void staticSubscriptionsWithBadChatsOrTargetsFailWithThePath() {
        assertThatThrownBy(() -> TelegramConfig.StaticSubscription.of("some channel", List.of("KP")))
                .hasMessageContaining("telegram.subscriptions[].chat");
        assertThatThrownBy(() -> TelegramConfig.StaticSubscription.of("@some_channel", List.of("Atlantis")))
                .hasMessageContaining("telegram.subscriptions[].targets").hasMessageContaining("Atlantis");
        assertThatThrownBy(() -> TelegramConfig.StaticSubscription.of("@some_channel", List.of()))
                .hasMessageContaining("follows nothing");
    }
}
