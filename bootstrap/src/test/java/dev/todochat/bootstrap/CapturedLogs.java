package dev.todochat.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Every log event of the JVM while it is open, kept in memory, with todochat's own loggers at DEBUG (as
 * {@code TODOCHAT_LOG_LEVEL=DEBUG} sets them) and the libraries at their configured levels.
 */
final class CapturedLogs implements AutoCloseable {
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger todochat = (Logger) LoggerFactory.getLogger("dev.todochat");
    private final Level todochatLevel = todochat.getLevel();

    CapturedLogs() {
        appender.start();
        root.addAppender(appender);
        todochat.setLevel(Level.DEBUG);
    }

    List<ILoggingEvent> events() {
        return List.copyOf(appender.list);
    }

    /** Each event as it would be printed: the message, its MDC and its stack trace. */
    List<String> lines() {
        return events().stream().map(event -> event.getLoggerName() + " " + event.getFormattedMessage() + " "
                + event.getMDCPropertyMap() + (event.getThrowableProxy() == null ? ""
                : " " + ThrowableProxyUtil.asString(event.getThrowableProxy()))).toList();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        todochat.setLevel(todochatLevel);
        appender.stop();
    }
}
