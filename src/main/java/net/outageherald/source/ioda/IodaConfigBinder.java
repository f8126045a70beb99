package net.outageherald.source.ioda;

import java.time.Duration;
import net.outageherald.config.ConfigNode;

/** Reads the {@code ioda:} section of the YAML into an {@link IodaConfig}. */
public final class IodaConfigBinder {

    private IodaConfigBinder() {
    }

    public static IodaConfig from(ConfigNode n) {
        IodaConfig d = IodaConfig.defaults();
        boolean enabled = n.bool("enabled", d.enabled());
        String url = n.validate("url", n.env("url", IodaConfig.URL_ENV, d.url()), IodaConfig::httpUrl, d.url());
        Duration requestTimeout = n.duration("request-timeout", d.requestTimeout(), IodaConfig.MIN_TIMEOUT,
                IodaConfig.MAX_TIMEOUT);
        Duration pollInterval = n.duration("poll-interval", d.pollInterval(), IodaConfig.MIN_POLL, IodaConfig.MAX_POLL);
        Duration maxDataLag = n.duration("max-data-lag", d.maxDataLag(), IodaConfig.MIN_LAG, IodaConfig.MAX_LAG);
        Duration failureBackoff = n.duration("failure-backoff", d.failureBackoff(), IodaConfig.MIN_BACKOFF,
                IodaConfig.MAX_BACKOFF);
        Duration failureBackoffMax = n.duration("failure-backoff-max", d.failureBackoffMax(), IodaConfig.MIN_BACKOFF,
                IodaConfig.MAX_BACKOFF);
        // checked here too, so the problem names the key to change with its full path
        n.check(failureBackoffMax.compareTo(failureBackoff) >= 0, "failure-backoff-max",
                "must be at least failure-backoff; the cap cannot be below the start");
        return n.build(() -> new IodaConfig(enabled, url, requestTimeout, pollInterval, maxDataLag, failureBackoff,
                failureBackoffMax));
    }
}
