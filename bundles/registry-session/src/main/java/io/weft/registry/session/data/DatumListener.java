package io.weft.registry.session.data;

/**
 * Told that a datum changed. Called on the thread that made the change, after it is visible to
 * {@link SessionData#datum}; an implementation only notes the change and returns.
 */
@FunctionalInterface
public interface DatumListener {

    void changed(DataInfoId id, long version);
}
