package io.weft.registry.session.data;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * The registry's persistent data (REG-48): values an operator writes per {@code dataInfoId}
 * ({@code persistentData/put}, RCP-20), pushed to the configurators (watchers) of that id. The meta
 * servers own it in a cluster (the session follows their views, {@code MetaPersistentData}); a standalone node
 * keeps it in memory ({@link LocalPersistentData}). Thread-safe.
 */
public interface PersistentData {

    /**
     * Writes a value. Ignored, and answered {@code false}, unless {@code version} is higher than the
     * version held for that id.
     */
    boolean put(String dataId, String group, String instanceId, long version, String data);

    /**
     * Removes the value: its configurators get an empty value with a version one higher than the last.
     * Answers {@code false} if there was none.
     */
    boolean remove(String dataId, String group, String instanceId);

    /** The current value, if one was ever written (a removed one has {@code data == null}). */
    Optional<PersistentDatum> get(DataInfoId id);

    /** Adds a listener for every effective write; closing the handle removes it. */
    AutoCloseable listen(Consumer<PersistentDatum> listener);
}
