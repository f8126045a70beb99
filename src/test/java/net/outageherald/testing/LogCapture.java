package net.outageherald.testing;

import java.util.List;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/** Collects what a package logs, for tests that promise a log line (once, and without secrets). */
public final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    /** @param loggerName a package, e.g. "net.outageherald.notify" */
    public LogCapture(String loggerName) {
        logger = (Logger) LoggerFactory.getLogger(loggerName);
        appender.start();
        logger.addAppender(appender);
    }

    /** Every formatted message. */
    public List<String> all() {
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** Formatted messages at INFO or above: what a service's log shows. */
    public List<String> infos() {
        return atLeast(Level.INFO);
    }

    /** Formatted messages at WARN or above. */
    public List<String> warnings() {
        return atLeast(Level.WARN);
    }

    public List<String> errors() {
        return atLeast(Level.ERROR);
    }

    private List<String> atLeast(Level level) {
        return appender.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(level))
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
