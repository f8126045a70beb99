package net.outageherald.chat.discord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;

/**
 * Where the bot token comes from: the config (already overridden by {@value DiscordConfig#TOKEN_ENV}),
 * else the first non-blank line of the token file. The token itself never reaches a log or a message.
 */
final class DiscordBotToken {

    private DiscordBotToken() {
    }

    /**
     * @return the token, or empty when none is configured
     * @throws IllegalStateException when a token file is configured but unreadable or empty (the message
     *                               names the file, never its content)
     */
    static Optional<String> resolve(DiscordConfig config) {
        if (config.token() != null) {
            return Optional.of(withoutPrefix(config.token()));
        }
        if (config.tokenFile() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllLines(config.tokenFile(), StandardCharsets.UTF_8).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty())
                    .findFirst()
                    .map(DiscordBotToken::withoutPrefix)
                    .orElseThrow(() -> new IllegalStateException(
                            "discord.token-file " + config.tokenFile() + " is empty")));
        } catch (IOException e) {
            throw new IllegalStateException("discord.token-file " + config.tokenFile() + " cannot be read ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** JDA adds "Bot " itself; people often paste the header value instead of the bare token. */
    private static String withoutPrefix(String token) {
        return token.regionMatches(true, 0, "Bot ", 0, 4) ? token.substring(4).strip() : token;
    }
}
