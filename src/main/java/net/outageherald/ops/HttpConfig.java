package net.outageherald.ops;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import net.outageherald.config.ConfigNode;
import net.outageherald.config.Durations;

/**
 * The operations endpoint ({@code /healthz}, {@code /metrics}): off by default, and on loopback when
 * switched on, so nothing is exposed until an operator asks; the container image turns it on for
 * 0.0.0.0 through the environment.
 *
 * @param maxPollAge how long ago the last poll round may have finished for {@code /healthz} to say
 *                   healthy; empty means three poll intervals (see {@link #maxPollAge(Duration)})
 */
public record HttpConfig(boolean enabled, String address, int port, Optional<Duration> maxPollAge) {

    public static final String ENABLED_ENV = "HERALD_HTTP_ENABLED";
    public static final String ADDRESS_ENV = "HERALD_HTTP_ADDRESS";
    public static final String PORT_ENV = "HERALD_HTTP_PORT";
    private static final int MAX_PORT = 65_535;
    private static final Duration MIN_AGE = Duration.ofSeconds(10);
    private static final Duration MAX_AGE = Duration.ofDays(7);
    // a round takes up to one interval (polls are spread over it), and one late round is not an illness
    private static final int INTERVALS_BY_DEFAULT = 3;

    public HttpConfig {
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("address is required");
        }
        address = address.strip();
        if (port < 0 || port > MAX_PORT) {
            throw new IllegalArgumentException("port: " + port + " is out of range; use 0 to " + MAX_PORT);
        }
        maxPollAge.ifPresent(HttpConfig::age);
    }

    /** The one place the endpoint's defaults are written down; config/herald.yaml repeats them. */
    public static HttpConfig defaults() {
        return new HttpConfig(false, "127.0.0.1", 8080, Optional.empty());
    }

    /** Binds the {@code http:} section; enabled, address and port can come from the environment. */
    public static HttpConfig from(ConfigNode n) {
        HttpConfig d = defaults();
        boolean enabled = n.validate("enabled", n.env("enabled", ENABLED_ENV, String.valueOf(d.enabled)),
                HttpConfig::bool, d.enabled);
        String address = n.validate("address", n.env("address", ADDRESS_ENV, d.address), HttpConfig::address,
                d.address);
        int port = n.validate("port", n.env("port", PORT_ENV, String.valueOf(d.port)), HttpConfig::port, d.port);
        Optional<String> age = n.optionalString("max-poll-age").filter(s -> !s.isBlank());
        Optional<Duration> maxPollAge = n.validate("max-poll-age", age, a -> a.map(HttpConfig::age), Optional.empty());
        return n.build(() -> new HttpConfig(enabled, address, port, maxPollAge));
    }

    /** The poll age beyond which {@code /healthz} fails: the configured one, else three poll intervals. */
    public Duration maxPollAge(Duration pollInterval) {
        return maxPollAge.orElse(pollInterval.multipliedBy(INTERVALS_BY_DEFAULT));
    }

    private static boolean bool(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        if (!s.equals("true") && !s.equals("false")) {
            throw new IllegalArgumentException("expected true or false, got '" + text + "'");
        }
        return Boolean.parseBoolean(s);
    }

    private static String address(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("missing; use 127.0.0.1 (this machine only) or 0.0.0.0 (every interface)");
        }
        return text.strip();
    }

    private static int port(String text) {
        String s = text.strip();
        if (!s.matches("\\d{1,5}") || Integer.parseInt(s) > MAX_PORT) {
            throw new IllegalArgumentException("'" + text + "' is not a port; use 1 to " + MAX_PORT
                    + " (0 picks a free one)");
        }
        return Integer.parseInt(s);
    }

    private static Duration age(String text) {
        return age(Durations.parse(text));
    }

    private static Duration age(Duration d) {
        if (d.compareTo(MIN_AGE) < 0 || d.compareTo(MAX_AGE) > 0) {
            throw new IllegalArgumentException("'" + Durations.format(d) + "' is out of range; use "
                    + Durations.format(MIN_AGE) + " to " + Durations.format(MAX_AGE));
        }
        return d;
    }
}
