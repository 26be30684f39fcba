package io.weft.registry.session.realclient;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One unmodified {@code registry-client-all} client, running in a class loader of its own
 * ({@link RealClients}). Only JDK types cross that boundary.
 */
public interface RealClient extends AutoCloseable {

    /** Registers a publisher of {@code dataId} in {@code group} with these values. */
    void publish(String dataId, String group, String... data);

    /** The publisher of {@code dataId} publishes new values (a REGISTER with a higher version). */
    void republish(String dataId, String... data);

    /** Unregisters this client's publishers of {@code dataId} in {@code group}. */
    void unpublish(String dataId, String group);

    /** Subscribes with scope global; {@code observer} gets every callback's data, zone to values. */
    void subscribe(String dataId, String group, Consumer<Map<String, List<String>>> observer);

    /** Registers a configurator (watcher); {@code observer} gets every callback's value (maybe null). */
    void watch(String dataId, String group, Consumer<String> observer);

    /** Drops the client's connection for good, as a process that ends would. */
    @Override
    void close();
}
