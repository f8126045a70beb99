package net.outageherald.chat.discord;

import java.nio.file.Path;
import java.util.Map;
import net.outageherald.testing.SectionBinder;

/**
 * Discord configs for tests, made the way start-up makes them: the body of a {@code discord:} section
 * and an environment, bound by {@link DiscordConfigBinder} through the config loader. A bad value is a
 * {@link net.outageherald.config.ConfigException} with the key's path, exactly what an operator would see.
 */
final class TestDiscordConfig {

    private TestDiscordConfig() {
    }

    /** {@code yaml} is what would stand under {@code discord:}; relative token files resolve against the working folder. */
    static DiscordConfig bind(String yaml, Map<String, String> env) {
        return bind(yaml, env, Path.of(""));
    }

    /** As {@link #bind(String, Map)}, with {@code baseDir} standing in for the config file's folder. */
    static DiscordConfig bind(String yaml, Map<String, String> env, Path baseDir) {
        return SectionBinder.bind("discord", yaml, env, baseDir, DiscordConfigBinder::from);
    }

    /**
     * A bot talking to Discord at {@code apiUrl} and {@code gatewayUrl} with short timeouts, so tests against
     * a fake Discord end quickly; {@code token} comes from {@value DiscordConfig#TOKEN_ENV} as in a
     * deployment, null for none.
     */
    static DiscordConfig at(String apiUrl, String gatewayUrl, String token) {
        return at(apiUrl, gatewayUrl, token, "1/0");
    }

    /** As {@link #at(String, String, String)}, running the shards {@code shards} ({@code total/ids}). */
    static DiscordConfig at(String apiUrl, String gatewayUrl, String token, String shards) {
        return bind("""
                api-url: "%s"
                gateway-url: "%s"
                request-timeout: 5s
                start-timeout: 20s
                shutdown-timeout: 2s
                shards: "%s"
                """.formatted(apiUrl, gatewayUrl, shards),
                token == null ? Map.of() : Map.of(DiscordConfig.TOKEN_ENV, token));
    }
}
