package dev.todochat.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Every log event of the JVM while it is open, kept in memory instead of printed, with todochat's own loggers at DEBUG
 * (as {@code TODOCHAT_LOG_LEVEL=DEBUG} sets them) and the libraries at their configured levels. A test that provokes
 * errors on purpose reads them here, so the console shows only the ones nobody expected.
 */
final class CapturedLogs implements AutoCloseable, AfterEachCallback {
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent event) {
            // fixes the MDC (the request id) now, on the logging thread; read later it would be the reader's
            event.prepareForDeferredProcessing();
            super.append(event);
        }
    };
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger todochat = (Logger) LoggerFactory.getLogger("dev.todochat");
    private final Level todochatLevel = todochat.getLevel();
    private final List<Appender<ILoggingEvent>> console = new ArrayList<>();

    CapturedLogs() {
        root.iteratorForAppenders().forEachRemaining(console::add);
        console.forEach(root::detachAppender);
        appender.start();
        root.addAppender(appender);
        todochat.setLevel(Level.DEBUG);
    }

    private static final String TURN_LINES = "dev.todochat.turns";

    List<ILoggingEvent> events() {
        return List.copyOf(appender.list);
    }

    /** The warnings and errors: what the console would have shown in red. */
    List<ILoggingEvent> problems() {
        return events().stream().filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN)).toList();
    }

    /**
     * The warnings and errors besides the one line a failed turn writes of itself ({@code dev.todochat.turns}, which
     * {@code TurnLogTest} specifies): what a test that provokes one failure expects to see of it.
     */
    List<ILoggingEvent> problemsBesideTurnLines() {
        return problems().stream().filter(event -> !event.getLoggerName().equals(TURN_LINES)).toList();
    }

    /** The per-turn lines of failed turns. */
    List<ILoggingEvent> failedTurnLines() {
        return problems().stream().filter(event -> event.getLoggerName().equals(TURN_LINES)).toList();
    }

    /** Each event as it would be printed: the message, its MDC and its stack trace. */
    List<String> lines() {
        return events().stream().map(event -> event.getLoggerName() + " " + event.getFormattedMessage() + " "
                + event.getMDCPropertyMap() + (event.getThrowableProxy() == null ? ""
                : " " + ThrowableProxyUtil.asString(event.getThrowableProxy()))).toList();
    }

    /** As {@code @RegisterExtension final CapturedLogs logs = new CapturedLogs();}: captures for each test. */
    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        if (!appender.isStarted()) {
            return;
        }
        root.detachAppender(appender);
        console.forEach(root::addAppender);
        todochat.setLevel(todochatLevel);
        appender.stop();
    }
}
