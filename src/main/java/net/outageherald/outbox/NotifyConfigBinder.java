package net.outageherald.outbox;

import net.outageherald.model.Destination;
import net.outageherald.model.Platform;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.outageherald.config.ConfigNode;
import net.outageherald.config.Durations;
import net.outageherald.outbox.NotifyConfig.PlatformLimits;
import net.outageherald.outbox.NotifyConfig.Rate;

/** Reads the {@code notify:} section of the YAML into a {@link NotifyConfig}; its defaults stay there. */
public final class NotifyConfigBinder {

    private NotifyConfigBinder() {
    }

    public static NotifyConfig from(ConfigNode n) {
        NotifyConfig d = NotifyConfig.defaults();
        int max = n.integer("max-subscriptions-per-destination", d.maxSubscriptionsPerDestination(), 1, 10_000);
        Duration reminder = n.duration("reminder-interval", d.reminderInterval(), Duration.ZERO, Duration.ofDays(30));
        Duration maxAge = n.duration("max-message-age", d.maxMessageAge(), Duration.ofMinutes(1), Duration.ofDays(7));
        Duration retryBase = n.duration("retry-base", d.retryBase(), Duration.ofMillis(10), Duration.ofHours(1));
        Duration retryCap = n.duration("retry-cap", d.retryCap(), Duration.ofMillis(10), Duration.ofDays(1));
        Duration retryPaused = n.duration("retry-paused", d.retryPaused(), Duration.ofSeconds(10), Duration.ofDays(1));
        Duration poll = n.duration("poll-interval", d.pollInterval(), Duration.ofMillis(100), Duration.ofHours(1));
        Duration lease = n.duration("claim-lease", d.claimLease(), Duration.ofSeconds(10), Duration.ofHours(1));
        Duration keep = n.duration("keep-delivered", d.keepDelivered(), Duration.ofHours(1), Duration.ofDays(3650));
        boolean console = n.bool("console", d.consoleEnabled());
        List<Destination> operators = n.stringList("operators", NotifyConfigBinder::destination);
        ConfigNode platforms = n.section("platforms");
        Map<Platform, PlatformLimits> limits = new EnumMap<>(Platform.class);
        for (Platform p : List.of(Platform.TELEGRAM, Platform.DISCORD)) {
            limits.put(p, limits(platforms.section(p.id()), d.limits(p)));
        }
        n.check(retryCap.compareTo(retryBase) >= 0, "retry-cap", "must not be shorter than retry-base");
        return n.build(() -> new NotifyConfig(max, reminder, maxAge, retryBase, retryCap, retryPaused, poll, lease,
                keep, limits, operators, console));
    }

    private static PlatformLimits limits(ConfigNode n, PlatformLimits d) {
        Rate global = rate(n, "global", d.global());
        // asked again only to learn whether the operator wrote it: a sender may raise a default, never a choice
        boolean globalSet = n.optionalString("global").isPresent();
        Rate perChat = rate(n, "per-chat", d.perChat());
        Rate perGroup = rate(n, "per-group", d.perGroup());
        // a thousand messages a second at ~100 ms a round trip needs ~100 in flight; each is a thread, not a connection
        int concurrency = n.integer("concurrency", d.concurrency(), 1, 256);
        return new PlatformLimits(global, perChat, perGroup, concurrency, globalSet || d.globalSet());
    }

    /** "30/1s", "20/1m", or "off" for no limit. */
    private static Rate rate(ConfigNode n, String key, Rate d) {
        String text = n.string(key, d == null ? "off" : d.permits() + "/" + Durations.format(d.period()));
        return n.validate(key, text, NotifyConfigBinder::parseRate, d);
    }

    public static Rate parseRate(String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("off")) {
            return null;
        }
        int slash = t.indexOf('/');
        if (slash < 1) {
            throw new IllegalArgumentException("'" + t + "' is not a rate; write messages/period, e.g. 30/1s or "
                    + "20/1m, or off");
        }
        try {
            return new Rate(Long.parseLong(t.substring(0, slash).trim()), Durations.parse(t.substring(slash + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + t + "' is not a rate; the count must be a whole number, e.g. 30/1s");
        }
    }

    /** "telegram:-1001234", "discord:123456789012345678" or "console". */
    public static Destination destination(String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("console")) {
            return Destination.console();
        }
        try {
            Destination d = Destination.parseKey(t);
            return d;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + t + "' is not a destination; write telegram:<chat id or @channel>, "
                    + "discord:<channel id> or console");
        }
    }

}
