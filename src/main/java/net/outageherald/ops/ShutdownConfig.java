package net.outageherald.ops;

import java.time.Duration;
import net.outageherald.config.ConfigNode;
import net.outageherald.config.Durations;

/**
 * How long a stop may take: after SIGTERM the service stops polling, lets messages being sent finish
 * and closes its connections and database within {@link #timeout()}, else it exits with code 5.
 * The default stays below Docker's 10 s between SIGTERM and SIGKILL.
 */
public record ShutdownConfig(Duration timeout) {

    private static final Duration MIN = Duration.ofSeconds(1);
    private static final Duration MAX = Duration.ofMinutes(10);

    public ShutdownConfig {
        if (timeout == null || timeout.compareTo(MIN) < 0 || timeout.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("timeout: " + (timeout == null ? "missing" : "'"
                    + Durations.format(timeout) + "' is out of range") + "; use 1s to 10m");
        }
    }

    /** The one place the shutdown default is written down; config/herald.yaml repeats it. */
    public static ShutdownConfig defaults() {
        return new ShutdownConfig(Duration.ofSeconds(8));
    }

    /** Binds the {@code shutdown:} section. */
    public static ShutdownConfig from(ConfigNode n) {
        ShutdownConfig d = defaults();
        Duration timeout = n.duration("timeout", d.timeout, MIN, MAX);
        return n.build(() -> new ShutdownConfig(timeout));
    }
}
