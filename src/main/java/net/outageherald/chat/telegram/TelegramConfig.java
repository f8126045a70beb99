package net.outageherald.chat.telegram;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import net.outageherald.model.Target;
import net.outageherald.model.Destination;
import net.outageherald.model.Platform;

/**
 * The {@code telegram:} section of the config. Without a token the bot is not started (the service runs
 * on and prints what it would send); the token never appears in {@code toString}.
 *
 * @param token          the bot token, or null; the binder takes it from {@code TELEGRAM_BOT_TOKEN}, else
 *                       {@code telegram.token}, else the file named by {@code telegram.token-file}
 * @param apiUrl         Bot API base: scheme, host and port only ({@code HERALD_TELEGRAM_API_URL} overrides)
 * @param subscriptions  static channel subscriptions for operators of broadcast channels
 * @param adminCacheTtl  how long a group's admin list is trusted before asking Telegram again
 * @param pollTimeout    the long-polling timeout of getUpdates
 * @param requestTimeout how long any other Bot API call may take before it counts as failed (and is retried)
 * @param commandThreads threads answering commands, so a slow /status never blocks the poll loop
 * @param allowPaidBroadcast send with {@code allow_paid_broadcast=true}: Telegram then lets the bot send up to
 *                       1000 messages a second, charged in Stars beyond the free 30 (so the outbox's global
 *                       limit defaults to 1000/1s instead of 30/1s, unless the operator set one)
 */
public record TelegramConfig(TelegramBotToken token, URI apiUrl, List<StaticSubscription> subscriptions,
                             Duration adminCacheTtl, Duration pollTimeout, Duration requestTimeout, int commandThreads,
                             boolean allowPaidBroadcast) {

    public static final String TOKEN_ENV = "TELEGRAM_BOT_TOKEN";
    public static final String API_URL_ENV = "HERALD_TELEGRAM_API_URL";
    public static final URI DEFAULT_API_URL = URI.create("https://api.telegram.org");

    public TelegramConfig {
        Objects.requireNonNull(apiUrl, "apiUrl");
        checkApiUrl(apiUrl);
        subscriptions = List.copyOf(subscriptions);
        if (adminCacheTtl.isNegative()) {
            throw new IllegalArgumentException("telegram.admin-cache-ttl: must not be negative, got " + adminCacheTtl);
        }
        if (pollTimeout.compareTo(Duration.ofSeconds(1)) < 0 || pollTimeout.compareTo(Duration.ofSeconds(100)) > 0) {
            throw new IllegalArgumentException("telegram.poll-timeout: must be between 1 and 100 s (0 would poll in a tight loop), got " + pollTimeout);
        }
        if (requestTimeout.compareTo(Duration.ofMillis(100)) < 0) {
            throw new IllegalArgumentException("telegram.request-timeout: must be at least 100 ms, got " + requestTimeout);
        }
        if (commandThreads < 1 || commandThreads > 16) {
            throw new IllegalArgumentException("telegram.command-threads: must be between 1 and 16, got " + commandThreads);
        }
    }

    /**
     * No token, the official API, no static subscriptions, admin status cached 60 s, 50 s long polls,
     * 20 s for other calls, 2 command threads, no paid broadcasts.
     */
    public static TelegramConfig defaults() {
        return new TelegramConfig(null, DEFAULT_API_URL, List.of(), Duration.ofSeconds(60), Duration.ofSeconds(50),
                Duration.ofSeconds(20), 2, false);
    }

    public Optional<TelegramBotToken> botToken() {
        return Optional.ofNullable(token);
    }

    private static void checkApiUrl(URI u) {
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        boolean pathless = u.getRawPath() == null || u.getRawPath().isEmpty() || u.getRawPath().equals("/");
        if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null || !pathless
                || u.getRawQuery() != null || u.getRawUserInfo() != null) {
            throw new IllegalArgumentException("telegram.api-url: '" + u + "' must be scheme, host and optional port only, "
                    + "e.g. https://api.telegram.org or http://127.0.0.1:8081");
        }
    }

    /**
     * A chat that follows targets because the config says so, e.g. a public channel {@code @nk_watch}
     * following {@code KP}. The delivery pipeline syncs these at start.
     *
     * @param chat    {@code @channelname} or a numeric chat id ({@code -1001234567890})
     * @param targets what it follows, parsed
     */
    public record StaticSubscription(String chat, List<Target> targets) {

        private static final Pattern CHAT = Pattern.compile("@[A-Za-z][A-Za-z0-9_]{3,31}|-?\\d{1,20}");

        public StaticSubscription {
            Objects.requireNonNull(chat, "chat");
            if (!CHAT.matcher(chat).matches()) {
                throw new IllegalArgumentException("telegram.subscriptions[].chat: '" + chat
                        + "' is neither @channelname nor a numeric chat id like -1001234567890");
            }
            targets = List.copyOf(targets);
            if (targets.isEmpty()) {
                throw new IllegalArgumentException("telegram.subscriptions[].targets: " + chat + " follows nothing");
            }
        }

        public Destination destination() {
            return new Destination(Platform.TELEGRAM, chat);
        }
    }
}
