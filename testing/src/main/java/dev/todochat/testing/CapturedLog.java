package dev.todochat.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * What one logger (and those below it) logs while this is open, kept in memory instead of printed. A test that
 * provokes a warning on purpose reads it here, so that the console shows only the warnings nobody expected. Needs
 * logback-classic on the test classpath.
 *
 * <pre>{@code
 * try (CapturedLog log = CapturedLog.of(OpenAiModel.class)) {
 *     ... provoke the failure ...
 *     assertThat(log.messages()).singleElement().asString().contains("UPSTREAM_ERROR");
 * }
 * }</pre>
 */
public final class CapturedLog implements AutoCloseable {
    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent event) {
            // fixes the MDC (the request id) now, on the logging thread; read later it would be the reader's
            event.prepareForDeferredProcessing();
            super.append(event);
        }
    };

    private CapturedLog(String name) {
        this.logger = (Logger) LoggerFactory.getLogger(name);
        appender.start();
        logger.addAppender(appender);
        logger.setAdditive(false);
    }

    public static CapturedLog of(Class<?> type) {
        return new CapturedLog(type.getName());
    }

    public static CapturedLog of(String loggerName) {
        return new CapturedLog(loggerName);
    }

    public List<ILoggingEvent> events() {
        return List.copyOf(appender.list);
    }

    /** The events' messages with their arguments filled in. */
    public List<String> messages() {
        return events().stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Override
    public void close() {
        logger.setAdditive(true);
        logger.detachAppender(appender);
        appender.stop();
    }
}
