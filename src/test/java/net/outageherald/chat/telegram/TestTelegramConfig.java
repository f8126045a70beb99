package net.outageherald.chat.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import net.outageherald.config.ConfigLoader;

/**
 * Telegram configs for tests, made the way start-up makes them: the body of a {@code telegram:} section
 * and an environment, bound by {@link TelegramConfigBinder} through the config loader. A bad value is a
 * {@link net.outageherald.config.ConfigException} with the key's path, exactly what an operator would see.
 */
final class TestTelegramConfig {

    private static final YAMLMapper YAML = new YAMLMapper();

    private TestTelegramConfig() {
    }

    /** {@code yaml} is what would stand under {@code telegram:}; relative token files resolve against the working folder. */
    static TelegramConfig bind(String yaml, Map<String, String> env) {
        return bind(yaml, env, Path.of(""));
    }

    /** As {@link #bind(String, Map)}, with {@code baseDir} standing in for the config file's folder. */
    static TelegramConfig bind(String yaml, Map<String, String> env, Path baseDir) {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.set("telegram", parse(yaml));
        return ConfigLoader.bind(document, env, baseDir,
                root -> TelegramConfigBinder.from(root.section("telegram")));
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

    private static JsonNode parse(String yaml) {
        try {
            JsonNode node = YAML.readTree(yaml);
            return node == null || node.isMissingNode() || node.isNull() ? JsonNodeFactory.instance.objectNode() : node;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
