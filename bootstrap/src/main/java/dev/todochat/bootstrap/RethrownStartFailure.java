package dev.todochat.bootstrap;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Drops the web server's own "Failed to start Javalin" line (logback.xml installs it): the failure is rethrown, and
 * the command line says in one line what failed and which setting to change, so the line would only add an alarming
 * ERROR before it.
 */
public final class RethrownStartFailure extends Filter<ILoggingEvent> {
    @Override
    public FilterReply decide(ILoggingEvent event) {
        boolean javalinStartFailure = "io.javalin.Javalin".equals(event.getLoggerName())
                && "Failed to start Javalin".equals(event.getMessage());
        return javalinStartFailure ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
