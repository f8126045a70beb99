package net.outageherald.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;
import org.slf4j.Logger;

/**
 * The service's logging before its config is read: one line per event on stderr (stdout is for the messages
 * themselves), the root at {@code HERALD_LOG_LEVEL} (INFO when unset), and the chatty libraries at WARN.
 * {@link LogSetup} then re-dresses the {@value #APPENDER} appender with the configured format and level.
 *
 * <p>Logback finds it as a service, ahead of its own search for {@code logback.xml}. Set up in code, not from
 * an XML file, because reading one costs Logback's XML configurator and the JDK's XML parser: about 600
 * classes (some 3 MB of memory for the life of the process) and 0.2 s at start, for four lines of settings.
 * With {@code -Dlogback.configurationFile=FILE} (an operator's own configuration, or the tests'
 * {@code logback-test.xml}) it steps aside and Logback reads that file as usual.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class LogDefaults extends ContextAwareBase implements Configurator {

    /** The appender {@link LogSetup} looks for. */
    static final String APPENDER = "STDERR";
    /** Libraries that say too much at INFO for a service's log. */
    static final Map<String, Level> QUIET = Map.of(
            "org.quartz", Level.WARN,
            "com.zaxxer.hikari", Level.WARN,
            "org.flywaydb", Level.WARN,
            "okhttp3", Level.WARN);
    private static final String FILE_PROPERTY = "logback.configurationFile";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty(FILE_PROPERTY) != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY; // a configuration file was named: Logback reads it
        }
        apply(context, System.getenv("HERALD_LOG_LEVEL"));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Sets up {@code context} with the service's defaults; {@code level} null or unknown means INFO. */
    static void apply(LoggerContext context, String level) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(LogSetup.TEXT_PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName(APPENDER);
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(level, Level.INFO));
        root.addAppender(stderr);
        QUIET.forEach((name, quiet) -> context.getLogger(name).setLevel(quiet));
    }
}
