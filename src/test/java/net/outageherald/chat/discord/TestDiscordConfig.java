package net.outageherald.chat.discord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import net.outageherald.config.ConfigLoader;

/**
 * Discord configs for tests, made the way start-up makes them: the body of a {@code discord:} section
 * and an environment, bound by {@link DiscordConfigBinder} through the config loader. A bad value is a
 * {@link net.outageherald.config.ConfigException} with the key's path, exactly what an operator would see.
 */
final class TestDiscordConfig {

    private static final YAMLMapper YAML = new YAMLMapper();

    private TestDiscordConfig() {
    }

    /** {@code yaml} is what would stand under {@code discord:}; relative token files resolve against the working folder. */
    static DiscordConfig bind(String yaml, Map<String, String> env) {
        return bind(yaml, env, Path.of(""));
    }

    /** As {@link #bind(String, Map)}, with {@code baseDir} standing in for the config file's folder. */
    static DiscordConfig bind(String yaml, Map<String, String> env, Path baseDir) {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.set("discord", parse(yaml));
        return ConfigLoader.bind(document, env, baseDir, root -> DiscordConfigBinder.from(root.section("discord")));
    }

    /**
     * A bot talking to Discord at {@code apiUrl} and {@code gatewayUrl} with short timeouts, so tests against
     * a fake Discord end quickly; {@code token} comes from {@value DiscordConfig#TOKEN_ENV} as in a
     * deployment, null for none.
     */
    static DiscordConfig at(String apiUrl, String gatewayUrl, String token) {
        return bind("""
                api-url: "%s"
                gateway-url: "%s"
                request-timeout: 5s
                start-timeout: 20s
                shutdown-timeout: 2s
                """.formatted(apiUrl, gatewayUrl), token == null ? Map.of() : Map.of(DiscordConfig.TOKEN_ENV, token));
    }

    private static JsonNode parse(String yaml) {
        try {
            JsonNode node = YAML.readTree(yaml);
            return node == null || node.isMissingNode() || node.isNull() ? JsonNodeFactory.instance.objectNode() : node;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
