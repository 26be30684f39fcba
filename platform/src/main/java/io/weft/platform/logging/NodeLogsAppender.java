package io.weft.platform.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;

/**
 * Hands a role logger's events at or above a level on to the node-wide files: the root logger's appenders
 * ({@code logs/weft.log}, {@code logs/common-error.log}, the console).
 *
 * <p>For the loggers that write a line per event (a registration, a push, a client connection, a lease renewal).
 * A role's logging file declares them {@code additivity="false"}, so that their lines are formatted and written
 * once, into the role's own file, and not a second time into {@code weft.log}; under registration load the second
 * copy was 4 % of a registry node's CPU. Through this appender their warnings and errors still reach the node's
 * files, where an operator looks first:
 * <pre>{@code
 * <appender name="NODE-WARN" class="io.weft.platform.logging.NodeLogsAppender"><level>WARN</level></appender>
 * <logger name="registry.push" additivity="false">
 *   <appender-ref ref="REG-PUSH"/><appender-ref ref="REG-ERROR"/><appender-ref ref="NODE-WARN"/>
 * </logger>
 * }</pre>
 * Attached to the root logger itself it would hand events to itself; it passes on nothing while it is already
 * passing an event on in the same thread.
 */
public final class NodeLogsAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

    private final ThreadLocal<Boolean> passing = new ThreadLocal<>();
    private Level level = Level.WARN;

    /** The least level passed on; WARN if not set or not a level. */
    public void setLevel(String level) {
        this.level = Level.toLevel(level, Level.WARN);
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (!event.getLevel().isGreaterOrEqual(level) || passing.get() != null) {
            return;
        }
        passing.set(Boolean.TRUE);
        try {
            ((LoggerContext) getContext()).getLogger(Logger.ROOT_LOGGER_NAME).callAppenders(event);
        } finally {
            passing.remove();
        }
    }
}
