package net.outageherald.chat.telegram;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import net.outageherald.config.ConfigNode;
import net.outageherald.config.Secret;
import net.outageherald.model.Target;
import net.outageherald.model.TargetParser;
import net.outageherald.chat.telegram.TelegramConfig.StaticSubscription;

/** Reads the {@code telegram:} section of the YAML into a {@link TelegramConfig}. */
public final class TelegramConfigBinder {

    private TelegramConfigBinder() {
    }

    public static TelegramConfig from(ConfigNode n) {
        TelegramConfig d = TelegramConfig.defaults();
        Optional<Secret> token = n.secret("token", TelegramConfig.TOKEN_ENV);
        String url = n.env("api-url", TelegramConfig.API_URL_ENV, d.apiUrl().toString());
        URI api = n.validate("api-url", url, TelegramConfigBinder::uri, d.apiUrl());
        Duration adminTtl = n.duration("admin-cache-ttl", d.adminCacheTtl(), Duration.ZERO, Duration.ofHours(1));
        Duration pollTimeout = n.duration("poll-timeout", d.pollTimeout(), Duration.ofSeconds(1),
                Duration.ofSeconds(100));
        Duration requestTimeout = n.duration("request-timeout", d.requestTimeout(), Duration.ofMillis(100),
                Duration.ofMinutes(5));
        int threads = n.integer("command-threads", d.commandThreads(), 1, 16);
        boolean paidBroadcast = n.bool("allow-paid-broadcast", d.allowPaidBroadcast());
        List<StaticSubscription> subs = n.list("subscriptions", TelegramConfigBinder::subscription);
        return n.build(() -> new TelegramConfig(token.map(s -> new TelegramBotToken(s.reveal())).orElse(null), api,
                subs, adminTtl, pollTimeout, requestTimeout, threads, paidBroadcast));
    }

    private static StaticSubscription subscription(ConfigNode n) {
        String chat = n.requiredString("chat");
        TargetParser parser = new TargetParser();
        List<Target> targets = n.stringList("targets", parser::parse);
        n.check(!targets.isEmpty(), "targets", "missing; list what this chat follows, e.g. [KP, AS131279]");
        return n.build(() -> new StaticSubscription(chat == null ? "" : chat.strip(), targets));
    }

    private static URI uri(String text) {
        try {
            return new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + text + "' is not a URL: " + e.getReason());
        }
    }
}
