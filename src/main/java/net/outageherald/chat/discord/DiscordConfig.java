package net.outageherald.chat.discord;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import net.outageherald.model.Destination;
import net.outageherald.model.Platform;

/**
 * The Discord section of the config. The token is a secret: {@link #toString()} masks it and nothing logs it.
 * {@link DiscordConfigBinder} lets the environment win over the file: {@value #TOKEN_ENV}, {@value #API_URL_ENV},
 * {@value #GATEWAY_URL_ENV}, {@value #SHARDS_ENV}.
 *
 * @param token           the bare bot token, or null (then Discord stays off); the binder takes it from
 *                        {@code DISCORD_BOT_TOKEN}, else {@code discord.token}, else {@code discord.token-file}
 * @param apiUrl          REST base URL with the version path, as JDA's {@code RestConfig} takes it
 * @param gatewayUrl      the gateway websocket URL
 * @param subscriptions   channels that always follow some targets (synced into the subscriptions at start)
 * @param requestTimeout  how long one send or edit may take before the outbox retries it
 * @param startTimeout    how long {@code start()} waits for the gateway to be ready before carrying on
 * @param shutdownTimeout how long {@code stop()} waits for a clean disconnect
 * @param shards          the gateway shards this instance runs; one of one unless several instances share the bot
 */
public record DiscordConfig(String token, String apiUrl, String gatewayUrl,
                            List<StaticSubscription> subscriptions, Duration requestTimeout, Duration startTimeout,
                            Duration shutdownTimeout, DiscordShards shards) {

    public static final String TOKEN_ENV = "DISCORD_BOT_TOKEN";
    public static final String API_URL_ENV = "HERALD_DISCORD_API_URL";
    public static final String GATEWAY_URL_ENV = "HERALD_DISCORD_GATEWAY_URL";
    public static final String SHARDS_ENV = "HERALD_DISCORD_SHARDS";
    public static final String DEFAULT_API_URL = "https://discord.com/api/v10/";
    public static final String DEFAULT_GATEWAY_URL = "wss://gateway.discord.gg/";

    public DiscordConfig {
        token = token == null || token.isBlank() ? null : withoutPrefix(token.strip());
        apiUrl = apiUrl == null || apiUrl.isBlank() ? DEFAULT_API_URL : withSlash(apiUrl.strip());
        gatewayUrl = gatewayUrl == null || gatewayUrl.isBlank() ? DEFAULT_GATEWAY_URL : gatewayUrl.strip();
        subscriptions = List.copyOf(subscriptions == null ? List.of() : subscriptions);
        requestTimeout = positive(requestTimeout, Duration.ofSeconds(30), "discord.request-timeout");
        startTimeout = positive(startTimeout, Duration.ofSeconds(30), "discord.start-timeout");
        shutdownTimeout = positive(shutdownTimeout, Duration.ofSeconds(10), "discord.shutdown-timeout");
        shards = shards == null ? DiscordShards.single() : shards;
        checkScheme(apiUrl, "discord.api-url", "http", "https");
        checkScheme(gatewayUrl, "discord.gateway-url", "ws", "wss");
    }

    /** No token, Discord's own endpoints, no static subscriptions. */
    public static DiscordConfig defaults() {
        return new DiscordConfig(null, null, null, List.of(), null, null, null, null);
    }

    @Override
    public String toString() {
        return "DiscordConfig[token=" + (token == null ? "none" : "****") + ", apiUrl=" + apiUrl
                + ", gatewayUrl=" + gatewayUrl + ", subscriptions=" + subscriptions + ", requestTimeout=" + requestTimeout + ", startTimeout=" + startTimeout
                + ", shutdownTimeout=" + shutdownTimeout + ", shards=" + shards + "]";
    }

    /** A channel that always follows the given targets (e.g. a server's public #outages channel). */
    public record StaticSubscription(String channel, List<String> targets) {
        public StaticSubscription {
            Objects.requireNonNull(channel, "channel");
            channel = channel.strip();
            if (!Snowflakes.isSnowflake(channel)) {
                throw new IllegalArgumentException("discord.subscriptions: channel '" + channel
                        + "' is not a Discord channel id (a number like 1234567890123456789)");
            }
            targets = List.copyOf(targets == null ? List.of() : targets);
            if (targets.isEmpty()) {
                throw new IllegalArgumentException("discord.subscriptions: channel " + channel + " has no targets");
            }
        }

        public Destination destination() {
            return new Destination(Platform.DISCORD, channel);
        }
    }

    /** JDA adds "Bot " itself; people often paste the header value instead of the bare token. */
    private static String withoutPrefix(String token) {
        return token.regionMatches(true, 0, "Bot ", 0, 4) ? token.substring(4).strip() : token;
    }

    private static String withSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }

    private static Duration positive(Duration value, Duration fallback, String path) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(path + ": must be positive, got " + value);
        }
        return value;
    }

    private static void checkScheme(String url, String path, String... schemes) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(path + ": '" + url + "' is not a URL", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!List.of(schemes).contains(scheme) || uri.getHost() == null) {
            throw new IllegalArgumentException(path + ": '" + url + "' must be a " + String.join(" or ", schemes)
                    + " URL with a host");
        }
    }
}
