package net.outageherald.chat.discord;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import net.outageherald.config.ConfigNode;
import net.outageherald.config.Secret;
import net.outageherald.model.Target;
import net.outageherald.model.TargetParser;
import net.outageherald.chat.discord.DiscordConfig.StaticSubscription;

/** Reads the {@code discord:} section of the YAML into a {@link DiscordConfig}. */
public final class DiscordConfigBinder {

    private DiscordConfigBinder() {
    }

    public static DiscordConfig from(ConfigNode n) {
        DiscordConfig d = DiscordConfig.defaults();
        Optional<Secret> token = n.secret("token", DiscordConfig.TOKEN_ENV);
        String api = n.env("api-url", DiscordConfig.API_URL_ENV, d.apiUrl());
        String gateway = n.env("gateway-url", DiscordConfig.GATEWAY_URL_ENV, d.gatewayUrl());
        Duration request = n.duration("request-timeout", d.requestTimeout(), Duration.ofSeconds(1), Duration.ofMinutes(5));
        Duration start = n.duration("start-timeout", d.startTimeout(), Duration.ofSeconds(1), Duration.ofMinutes(10));
        Duration shutdown = n.duration("shutdown-timeout", d.shutdownTimeout(), Duration.ofSeconds(1),
                Duration.ofMinutes(5));
        List<StaticSubscription> subs = n.list("subscriptions", DiscordConfigBinder::subscription);
        DiscordShards shards = n.validate("shards", n.env("shards", DiscordConfig.SHARDS_ENV, d.shards().toString()),
                DiscordShards::parse, d.shards());
        return n.build(() -> new DiscordConfig(token.map(Secret::reveal).orElse(null), api, gateway, subs,
                request, start, shutdown, shards));
    }

    private static StaticSubscription subscription(ConfigNode n) {
        String channel = n.requiredString("channel");
        TargetParser parser = new TargetParser();
        List<String> targets = n.stringList("targets", t -> parser.parse(t).key());
        n.check(!targets.isEmpty(), "targets", "missing; list what this channel follows, e.g. [KP, AS131279]");
        return n.build(() -> new StaticSubscription(channel == null ? "" : channel, targets));
    }

    /** The static subscriptions as targets, for the subscription sync. */
    public static List<Target> targets(StaticSubscription s) {
        TargetParser parser = new TargetParser();
        return s.targets().stream().map(parser::parse).toList();
    }
}
