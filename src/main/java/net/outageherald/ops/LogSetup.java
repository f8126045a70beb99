package net.outageherald.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.util.Locale;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code logging.format} and {@code logging.level} to logback once the config is loaded: the
 * one global the application changes. It re-dresses the {@code STDERR} appender that
 * {@link LogDefaults} sets up with a one-line text or a JSON-lines encoder; under any other logback
 * configuration (the tests' {@code logback-test.xml}) it leaves logging alone.
 */
public final class LogSetup {

    /** The text layout; {@link LogDefaults} writes it too, for lines before the config is read. */
    public static final String TEXT_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSX,UTC} %-5level %logger{0} - %msg%n";
    private static final String APPENDER = LogDefaults.APPENDER;

    private LogSetup() {
    }

    /**
     * Switches the format ({@code text} or {@code json}) and, when {@code level} is not null, the root
     * level. Gives false when the appender is not there and nothing was changed.
     */
    public static boolean apply(String format, String level) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            return false;
        }
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        Appender<ILoggingEvent> appender = root.getAppender(APPENDER);
        if (!(appender instanceof OutputStreamAppender<ILoggingEvent> stream)) {
            return false;
        }
        if (level != null) {
            root.setLevel(Level.toLevel(level, Level.INFO));
        }
        Encoder<ILoggingEvent> encoder = "json".equals(format.toLowerCase(Locale.ROOT)) ? json() : text();
        encoder.setContext(context);
        encoder.start();
        stream.stop();
        stream.setEncoder(encoder);
        stream.start();
        return true;
    }

    private static Encoder<ILoggingEvent> json() {
        JsonEncoder json = new JsonEncoder();
        // what a log collector needs; the sequence number, nanoseconds and logback's own context are noise
        json.setWithSequenceNumber(false);
        json.setWithNanoseconds(false);
        json.setWithContext(false);
        json.setWithArguments(false);
        json.setWithMessage(false);
        json.setWithFormattedMessage(true);
        return json;
    }

    private static Encoder<ILoggingEvent> text() {
        PatternLayoutEncoder text = new PatternLayoutEncoder();
        text.setPattern(TEXT_PATTERN);
        return text;
    }
}
