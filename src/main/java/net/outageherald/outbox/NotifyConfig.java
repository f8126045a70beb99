package net.outageherald.outbox;

import net.outageherald.model.Destination;
import net.outageherald.model.Platform;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every knob of notification delivery, with its default in {@link #defaults()}. The YAML binding
 * (section {@code notify}) maps one key per field, kebab-case.
 *
 * @param maxSubscriptionsPerDestination how many targets one chat/channel may follow through commands
 *                                       ({@code max-subscriptions-per-destination}, default 50); static
 *                                       subscriptions from the config do not count
 * @param reminderInterval               repeat a still-open outage to those told of it this often
 *                                       ({@code reminder-interval}, e.g. 24h); {@link Duration#ZERO} = off (default)
 * @param maxMessageAge                  a message not delivered within this age is dropped with a log line
 *                                       instead of arriving hours late ({@code max-message-age}, default 6h)
 * @param retryBase                      first wait after a retryable failure; doubles per attempt, with
 *                                       jitter ({@code retry-base}, default 2s)
 * @param retryCap                       longest wait between two attempts ({@code retry-cap}, default 5m)
 * @param retryPaused                    how often a destination where the bot may not post for now (its
 *                                       rights were taken) is tried again ({@code retry-paused}, default 10m);
 *                                       its messages wait meanwhile, up to max-message-age
 * @param pollInterval                   how often workers look at the outbox when nothing woke them
 *                                       (new events wake them at once; {@code poll-interval}, default 5s)
 * @param claimLease                     how long a worker owns a row it took: on PostgreSQL a crashed
 *                                       instance's rows go back to the queue after this ({@code claim-lease},
 *                                       default 2m; must exceed a send's timeout)
 * @param keepDelivered                  how long finished outbox rows and resolved log rows are kept for
 *                                       inspection ({@code keep-delivered}, default 30 days)
 * @param platforms                      rate limits and concurrency per platform ({@code platforms.telegram}, ...)
 * @param operators                      destinations that receive every event, monitoring notices included
 *                                       ({@code operators: [telegram:-100123, discord:987]})
 * @param consoleEnabled                 print every event on stdout ({@code console}, default true): the
 *                                       console is an operator destination
 */
public record NotifyConfig(int maxSubscriptionsPerDestination, Duration reminderInterval, Duration maxMessageAge,
                           Duration retryBase, Duration retryCap, Duration retryPaused, Duration pollInterval,
                           Duration claimLease,
                           Duration keepDelivered, Map<Platform, PlatformLimits> platforms,
                           List<Destination> operators, boolean consoleEnabled) {

    public NotifyConfig {
        if (maxSubscriptionsPerDestination < 1) {
            throw new IllegalArgumentException("notify.max-subscriptions-per-destination must be at least 1");
        }
        Objects.requireNonNull(reminderInterval, "notify.reminder-interval");
        if (reminderInterval.isNegative()) {
            throw new IllegalArgumentException("notify.reminder-interval must be 0 (off) or positive");
        }
        positive(maxMessageAge, "max-message-age");
        positive(retryBase, "retry-base");
        positive(retryCap, "retry-cap");
        positive(retryPaused, "retry-paused");
        positive(pollInterval, "poll-interval");
        positive(claimLease, "claim-lease");
        positive(keepDelivered, "keep-delivered");
        if (retryCap.compareTo(retryBase) < 0) {
            throw new IllegalArgumentException("notify.retry-cap must not be shorter than notify.retry-base");
        }
        Map<Platform, PlatformLimits> all = new EnumMap<>(Platform.class);
        all.putAll(defaultLimits());
        all.putAll(platforms);
        platforms = Map.copyOf(all);
        operators = List.copyOf(operators);
    }

    /**
     * The defaults: 50 subscriptions, no reminders, 6 h age limit, paused destinations tried every 10 min, the
     * platforms' published rate limits.
     */
    public static NotifyConfig defaults() {
        return new NotifyConfig(50, Duration.ZERO, Duration.ofHours(6), Duration.ofSeconds(2), Duration.ofMinutes(5),
                Duration.ofMinutes(10), Duration.ofSeconds(5), Duration.ofMinutes(2), Duration.ofDays(30), defaultLimits(),
                List.of(), true);
    }

    /**
     * The platforms' published limits. Telegram: about 30 messages a second overall, 20 a minute per group
     * or channel, 1 a second per private chat. Discord: 50 requests a second globally, 5 per 5 seconds per
     * channel. The console: unlimited, one writer.
     */
    public static Map<Platform, PlatformLimits> defaultLimits() {
        return Map.of(
                Platform.TELEGRAM, new PlatformLimits(Rate.perSecond(30), Rate.perSecond(1),
                        new Rate(20, Duration.ofMinutes(1)), 8, false),
                Platform.DISCORD, new PlatformLimits(Rate.perSecond(50), new Rate(5, Duration.ofSeconds(5)),
                        new Rate(5, Duration.ofSeconds(5)), 8, false),
                Platform.CONSOLE, new PlatformLimits(null, null, null, 1));
    }

    public PlatformLimits limits(Platform platform) {
        return platforms.get(platform);
    }

    public boolean remindersEnabled() {
        return !reminderInterval.isZero();
    }

    public NotifyConfig withMaxSubscriptionsPerDestination(int max) {
        return new NotifyConfig(max, reminderInterval, maxMessageAge, retryBase, retryCap, retryPaused, pollInterval,
                claimLease, keepDelivered, platforms, operators, consoleEnabled);
    }

    public NotifyConfig withReminderInterval(Duration interval) {
        return new NotifyConfig(maxSubscriptionsPerDestination, interval, maxMessageAge, retryBase, retryCap,
                retryPaused, pollInterval, claimLease, keepDelivered, platforms, operators, consoleEnabled);
    }

    public NotifyConfig withMaxMessageAge(Duration age) {
        return new NotifyConfig(maxSubscriptionsPerDestination, reminderInterval, age, retryBase, retryCap,
                retryPaused, pollInterval, claimLease, keepDelivered, platforms, operators, consoleEnabled);
    }

    public NotifyConfig withRetry(Duration base, Duration cap) {
        return new NotifyConfig(maxSubscriptionsPerDestination, reminderInterval, maxMessageAge, base, cap,
                retryPaused, pollInterval, claimLease, keepDelivered, platforms, operators, consoleEnabled);
    }

    public NotifyConfig withRetryPaused(Duration every) {
        return new NotifyConfig(maxSubscriptionsPerDestination, reminderInterval, maxMessageAge, retryBase, retryCap,
                every, pollInterval, claimLease, keepDelivered, platforms, operators, consoleEnabled);
    }

    public NotifyConfig withPollInterval(Duration interval) {
        return new NotifyConfig(maxSubscriptionsPerDestination, reminderInterval, maxMessageAge, retryBase, retryCap,
                retryPaused, interval, claimLease, keepDelivered, platforms, operators, consoleEnabled);
    }

    public NotifyConfig withPlatform(Platform platform, PlatformLimits limits) {
        Map<Platform, PlatformLimits> changed = new EnumMap<>(platforms);
        changed.put(platform, limits);
        return new NotifyConfig(maxSubscriptionsPerDestination, reminderInterval, maxMessageAge, retryBase, retryCap,
                retryPaused, pollInterval, claimLease, keepDelivered, changed, operators, consoleEnabled);
    }

    public NotifyConfig withOperators(List<Destination> newOperators) {
        return new NotifyConfig(maxSubscriptionsPerDestination, reminderInterval, maxMessageAge, retryBase, retryCap,
                retryPaused, pollInterval, claimLease, keepDelivered, platforms, newOperators, consoleEnabled);
    }

    public NotifyConfig withConsoleEnabled(boolean enabled) {
        return new NotifyConfig(maxSubscriptionsPerDestination, reminderInterval, maxMessageAge, retryBase, retryCap,
                retryPaused, pollInterval, claimLease, keepDelivered, platforms, operators, enabled);
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, "notify." + name);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("notify." + name + " must be positive, got " + d);
        }
    }

    /**
     * One platform's limits.
     *
     * @param global      all messages of the bot ({@code global}); null = unlimited
     * @param perChat     per private chat or Discord channel ({@code per-chat}); null = unlimited
     * @param perGroup    per group or channel, as the platform's {@link ChatKinds} tells them from
     *                    private chats ({@code per-group}); null = unlimited
     * @param concurrency sends in flight at once ({@code concurrency}); also bounds the messages that a
     *                    crash can make us send twice
     * @param globalSet   whether {@code global} is the operator's choice; if not, the platform's sender may
     *                    replace it with what the bot is allowed ({@link Sender#globalRate()})
     */
    public record PlatformLimits(Rate global, Rate perChat, Rate perGroup, int concurrency, boolean globalSet) {
        public PlatformLimits {
            if (concurrency < 1) {
                throw new IllegalArgumentException("concurrency must be at least 1");
            }
        }

        /** Limits chosen on purpose: a sender's own global rate does not replace {@code global}. */
        public PlatformLimits(Rate global, Rate perChat, Rate perGroup, int concurrency) {
            this(global, perChat, perGroup, concurrency, true);
        }

        public static PlatformLimits unlimited(int concurrency) {
            return new PlatformLimits(null, null, null, concurrency);
        }

        /** These limits with the sender's global rate, unless the operator chose one. */
        public PlatformLimits withSenderGlobal(java.util.Optional<Rate> senderGlobal) {
            if (globalSet || senderGlobal.isEmpty()) {
                return this;
            }
            return new PlatformLimits(senderGlobal.get(), perChat, perGroup, concurrency, false);
        }
    }

    /**
     * {@code permits} messages per {@code period}, as a token bucket that starts full: a burst of
     * {@code permits} at once, then one every {@code period / permits}.
     */
    public record Rate(long permits, Duration period) {
        public Rate {
            if (permits < 1) {
                throw new IllegalArgumentException("a rate needs at least 1 permit, got " + permits);
            }
            Objects.requireNonNull(period, "period");
            if (period.isZero() || period.isNegative()) {
                throw new IllegalArgumentException("a rate's period must be positive, got " + period);
            }
        }

        public static Rate perSecond(long permits) {
            return new Rate(permits, Duration.ofSeconds(1));
        }

        /** How long {@code n} messages take at this rate beyond the initial burst. */
        public Duration minimumFor(long n) {
            long beyond = Math.max(0, n - permits);
            return Duration.ofNanos(Math.round(period.toNanos() * (double) beyond / permits));
        }

        @Override
        public String toString() {
            return permits + "/" + period;
        }
    }
}
