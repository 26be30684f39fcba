package io.weft.platform.runtime;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the Felix framework's own messages to the node's log. Problems are recorded from framework
 * events instead (see {@link FrameworkRunner}), once per bundle.
 */
final class FelixLogger extends org.apache.felix.framework.Logger {

    private final Logger log = LoggerFactory.getLogger("org.apache.felix.framework");

    FelixLogger() {
        setLogLevel(LOG_WARNING);
    }

    @Override
    protected void doLog(Bundle bundle, ServiceReference sr, int level, String msg, Throwable throwable) {
        String text = bundle == null ? msg : "[" + bundle.getSymbolicName() + "] " + msg;
        switch (level) {
            case LOG_ERROR -> log.error(text, throwable);
            case LOG_WARNING -> log.warn(text, throwable);
            case LOG_INFO -> log.info(text, throwable);
            default -> log.debug(text, throwable);
        }
    }
}
