package net.outageherald.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/**
 * The service's logging set up in code: what {@code logback.xml} used to say, and out of the way when a
 * configuration file is named. The service as it ships is checked end to end by the tests that start it
 * (its stderr lines, and {@link LogSetup}'s JSON on the appender this sets up).
 */
class LogDefaultsTest {

    @Test
    void oneLinePerEventOnStderrAtInfo() {
        LoggerContext context = new LoggerContext();
        LogDefaults.apply(context, null);
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.INFO);
        Appender<ILoggingEvent> appender = root.getAppender(LogDefaults.APPENDER);
        assertThat(appender).isInstanceOf(ConsoleAppender.class);
        ConsoleAppender<ILoggingEvent> console = (ConsoleAppender<ILoggingEvent>) appender;
        assertThat(console.getTarget()).isEqualTo("System.err");
        assertThat(console.isStarted()).isTrue();
        assertThat(((PatternLayoutEncoder) console.getEncoder()).getPattern()).isEqualTo(LogSetup.TEXT_PATTERN);
        assertThat(context.getLogger("org.quartz.core.QuartzScheduler").getEffectiveLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("okhttp3.OkHttpClient").getEffectiveLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("net.outageherald.app.App").getEffectiveLevel()).isEqualTo(Level.INFO);
    }

    @Test
    void theLevelFromTheEnvironmentAndInfoForNonsense() {
        LoggerContext debug = new LoggerContext();
        LogDefaults.apply(debug, "debug");
        assertThat(debug.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.DEBUG);
        LoggerContext nonsense = new LoggerContext();
        LogDefaults.apply(nonsense, "loud");
        assertThat(nonsense.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.INFO);
    }

    @Test
    void aNamedConfigurationFileIsLeftToLogback() {
        String before = System.getProperty("logback.configurationFile");
        LoggerContext context = new LoggerContext();
        LogDefaults defaults = new LogDefaults();
        defaults.setContext(context);
        try {
            System.setProperty("logback.configurationFile", "/etc/outage-herald/logback.xml");
            assertThat(defaults.configure(context)).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
            assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(LogDefaults.APPENDER)).isNull();
            System.clearProperty("logback.configurationFile");
            assertThat(defaults.configure(context)).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
            assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(LogDefaults.APPENDER)).isNotNull();
        } finally {
            if (before == null) {
                System.clearProperty("logback.configurationFile");
            } else {
                System.setProperty("logback.configurationFile", before);
            }
        }
    }

    @Test
    void logbackFindsItAsAService() {
        assertThat(java.util.ServiceLoader.load(ch.qos.logback.classic.spi.Configurator.class).stream()
                .<Class<?>>map(p -> p.type())).contains(LogDefaults.class);
    }
}
