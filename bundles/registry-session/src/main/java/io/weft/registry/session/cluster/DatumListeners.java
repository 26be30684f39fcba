package io.weft.registry.session.cluster;

import io.weft.registry.session.data.Datum;
import io.weft.registry.session.data.DatumListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Who hears that a datum this session caches changed (the pushers). Thread-safe. */
public final class DatumListeners {

    private final List<DatumListener> listeners = new CopyOnWriteArrayList<>();

    public AutoCloseable add(DatumListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Tells every listener, on this thread, after the datum is in the cache. */
    public void changed(Datum datum) {
        for (DatumListener listener : listeners) {
            listener.changed(datum.id(), datum.version());
        }
    }
}
