package io.weft.codec.bolt.guard;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * The ERROR lines of some loggers while it is open: what the node's logging sends to {@code common-error.log}
 * (its appender there has an ERROR threshold). Lines arrive from Netty and worker threads.
 */
final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private final List<Logger> loggers;
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    LogCapture(String... loggerNames) {
        loggers = Arrays.stream(loggerNames).map(name -> (Logger) LoggerFactory.getLogger(name)).toList();
        start();
        loggers.forEach(logger -> logger.addAppender(this));
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (event.getLevel().isGreaterOrEqual(Level.ERROR)) {
            errors.add(event.getFormattedMessage());
        } else if (event.getLevel() == Level.WARN) {
            warnings.add(event.getFormattedMessage());
        }
    }

    /** The ERROR lines so far, in order. */
    List<String> errors() {
        return List.copyOf(errors);
    }

    /** The WARN lines so far, in order. */
    List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** The ERROR lines containing all of {@code parts}. */
    List<String> errorsWith(String... parts) {
        return errors.stream().filter(line -> Arrays.stream(parts).allMatch(line::contains)).toList();
    }

    @Override
    public void close() {
        loggers.forEach(logger -> logger.detachAppender(this));
        stop();
    }
}
