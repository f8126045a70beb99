package net.outageherald.chart;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import net.outageherald.config.ConfigNode;
import net.outageherald.config.Durations;

/**
 * The {@code charts:} section: whether outage and restoration messages carry a visibility chart, and
 * {@code /chart} answers with one; how much history a message's chart shows; where console mode writes them.
 *
 * @param enabled   attach charts and offer /chart (false: text only, e.g. on a JRE without fonts)
 * @param window    the time a message's chart shows up to its event; a restoration's reaches back to the
 *                  outage's start too
 * @param directory where console mode writes its chart files
 */
public record ChartsConfig(boolean enabled, Duration window, Path directory) {

    /** Where console mode writes charts, overriding the file (a container's volume). */
    public static final String DIRECTORY_ENV = "HERALD_CHARTS_DIR";
    static final Duration MIN_WINDOW = Duration.ofHours(1);
    static final Duration MAX_WINDOW = Duration.ofDays(14);

    public ChartsConfig {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(directory, "directory");
        if (window.compareTo(MIN_WINDOW) < 0 || window.compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException("window: '" + Durations.format(window) + "' is out of range; use 1h to 14d");
        }
    }

    /** The one place the defaults are written down; config/herald.yaml repeats them. */
    public static ChartsConfig defaults() {
        return new ChartsConfig(true, ChartWindow.DAY, Path.of("data", "charts"));
    }

    /** Charts off: what tests and tools that want text alone use. */
    public static ChartsConfig disabled() {
        ChartsConfig d = defaults();
        return new ChartsConfig(false, d.window(), d.directory());
    }

    /** Binds the {@code charts:} section. */
    public static ChartsConfig from(ConfigNode n) {
        ChartsConfig d = defaults();
        boolean enabled = n.bool("enabled", d.enabled());
        Duration window = n.duration("window", d.window(), MIN_WINDOW, MAX_WINDOW);
        String directory = n.env("directory", DIRECTORY_ENV, d.directory().toString());
        n.check(!directory.isBlank(), "directory", "must name a folder, e.g. data/charts");
        return n.build(() -> new ChartsConfig(enabled, window, Path.of(directory.isBlank() ? "data/charts" : directory)));
    }
}
