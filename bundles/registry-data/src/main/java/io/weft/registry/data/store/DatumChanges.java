package io.weft.registry.data.store;

/**
 * Where a change this server made as slot leader goes next: the notice to every session (REG-37) and the
 * replication to the slot's followers. Called on the thread that made the change; implementations hand the work
 * off and return at once.
 */
@FunctionalInterface
public interface DatumChanges {

    void changed(Datum datum);
}
