package net.outageherald.chat.telegram;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import net.outageherald.testing.SectionBinder;

/**
 * Telegram configs for tests, made the way start-up makes them: the body of a {@code telegram:} section
 * and an environment, bound by {@link TelegramConfigBinder} through the config loader. A bad value is a
 * {@link net.outageherald.config.ConfigException} with the key's path, exactly what an operator would see.
 */
final class TestTelegramConfig {

    private TestTelegramConfig() {
    }

    /** {@code yaml} is what would stand under {@code telegram:}; relative token files resolve against the working folder. */
    static TelegramConfig bind(String yaml, Map<String, String> env) {
        return bind(yaml, env, Path.of(""));
    }

    /** As {@link #bind(String, Map)}, with {@code baseDir} standing in for the config file's folder. */
    static TelegramConfig bind(String yaml, Map<String, String> env, Path baseDir) {
        return SectionBinder.bind("telegram", yaml, env, baseDir, TelegramConfigBinder::from);
    }

    /**
     * A bot talking to the Bot API at {@code apiUrl} with short timeouts, so tests against a fake API end
     * quickly; {@code token} comes from {@value TelegramConfig#TOKEN_ENV} as in a deployment, null for none.
     */
    static TelegramConfig forApi(URI apiUrl, String token) {
        return bind("""
                api-url: "%s"
                poll-timeout: 1s
                request-timeout: 2s
                command-threads: 2
                """.formatted(apiUrl), token == null ? Map.of() : Map.of(TelegramConfig.TOKEN_ENV, token));
    }
}
