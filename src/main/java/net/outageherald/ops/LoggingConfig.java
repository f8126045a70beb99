package net.outageherald.ops;

import net.outageherald.config.Checks;
import net.outageherald.config.ConfigNode;
import java.util.List;

/** How the service logs: plain text for a terminal or JSON lines for a collector, and from which level. */
public record LoggingConfig(String format, String level) {

    public static final String FORMAT_ENV = "HERALD_LOG_FORMAT";
    private static final List<String> FORMATS = List.of("text", "json");
    private static final List<String> LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");

    public LoggingConfig {
        format = Checks.oneOf(format, FORMATS, "log format");
        level = Checks.oneOf(level, LEVELS, "log level");
    }

    /** The one place the logging defaults are written down; config/herald.yaml repeats them. */
    public static LoggingConfig defaults() {
        return new LoggingConfig("text", "INFO");
    }

    /** Binds the {@code logging:} section; values are matched ignoring case. */
    public static LoggingConfig from(ConfigNode n) {
        LoggingConfig d = defaults();
        String format = n.validate("format", n.env("format", FORMAT_ENV, d.format),
                f -> Checks.oneOf(f, FORMATS, "log format"), d.format);
        String level = n.validate("level", n.string("level", d.level), l -> Checks.oneOf(l, LEVELS, "log level"), d.level);
        return n.build(() -> new LoggingConfig(format, level));
    }
}
