package io.weft.platform.runtime;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards entries of the OSGi Log Service (where SCR, ConfigAdmin and FileInstall report, e.g. a
 * component that failed to activate or a configuration file that could not be read) to SLF4J, so
 * they land in the node's log files like everything else.
 */
final class OsgiLogBridge extends ServiceTracker<LogReaderService, LogReaderService> implements LogListener {

    OsgiLogBridge(BundleContext context) {
        super(context, LogReaderService.class, null);
    }

    @Override
    public LogReaderService addingService(ServiceReference<LogReaderService> reference) {
        LogReaderService reader = super.addingService(reference);
        if (reader != null) {
            reader.addLogListener(this);
        }
        return reader;
    }

    @Override
    public void removedService(ServiceReference<LogReaderService> reference, LogReaderService reader) {
        reader.removeLogListener(this);
        super.removedService(reference, reader);
    }

    @Override
    public void logged(LogEntry entry) {
        Logger log = LoggerFactory.getLogger(entry.getBundle() == null || entry.getBundle().getSymbolicName() == null
                ? entry.getLoggerName() : entry.getBundle().getSymbolicName());
        String msg = entry.getMessage();
        Throwable t = entry.getException();
        if (entry.getLoggerName() != null && entry.getLoggerName().startsWith("Events.")) {
            // Every bundle and service event is also a log entry: only worth reading when debugging.
            log.debug(msg, t);
            return;
        }
        switch (entry.getLogLevel()) {
            case AUDIT, ERROR -> log.error(msg, t);
            case WARN -> log.warn(msg, t);
            case INFO -> log.info(msg, t);
            default -> log.debug(msg, t);
        }
    }
}
