package io.weft.registry.session.push;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The push switch (REG-61, REG-62): closed, the session sends its clients nothing and they keep working
 * from their caches; opened again, every subscriber and configurator gets the current state. Open when
 * created. In a cluster the meta servers own the switch and the session follows it. Thread-safe.
 */
public final class PushSwitch {

    private static final Logger LOG = LoggerFactory.getLogger("registry.session");

    private final List<Runnable> reopenListeners = new CopyOnWriteArrayList<>();
    private boolean open = true;

    public synchronized boolean isOpen() {
        return open;
    }

    /** Opens the switch; if it was closed, every listener is told (on this thread, after the change). */
    public void open() {
        synchronized (this) {
            if (open) {
                return;
            }
            open = true;
        }
        LOG.info("[pushSwitch] push opened: pushing the current data to every subscriber");
        reopenListeners.forEach(Runnable::run);
    }

    public void close() {
        synchronized (this) {
            if (!open) {
                return;
            }
            open = false;
        }
        LOG.info("[pushSwitch] push closed: clients keep their cached data until it opens");
    }

    /** Adds a listener for the switch opening again; closing the handle removes it. */
    public AutoCloseable onReopen(Runnable listener) {
        reopenListeners.add(listener);
        return () -> reopenListeners.remove(listener);
    }
}
