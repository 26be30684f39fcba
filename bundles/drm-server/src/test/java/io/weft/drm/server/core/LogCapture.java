package io.weft.drm.server.core;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;

/** Collects the formatted lines of one logger (the lead maps each to its file) for assertions. */
public final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private final Logger logger;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private LogCapture(String name) {
        this.logger = (Logger) LoggerFactory.getLogger(name);
        start();
        logger.addAppender(this);
    }

    public static LogCapture of(String loggerName) {
        return new LogCapture(loggerName);
    }

    @Override
    protected void append(ILoggingEvent e) {
        lines.add(e.getFormattedMessage());
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** Waits (generously) for a line matching, and returns it. */
    public String await(Predicate<String> match) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            for (String l : lines) {
                if (match.test(l)) {
                    return l;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no matching line on " + logger.getName() + " within 20 s; lines: " + lines);
    }

    @Override
    public void close() {
        logger.detachAppender(this);
        stop();
    }
}
