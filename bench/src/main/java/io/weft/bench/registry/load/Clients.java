package io.weft.bench.registry.load;

import com.alipay.sofa.registry.client.api.Register;
import com.alipay.sofa.registry.client.api.registration.PublisherRegistration;
import com.alipay.sofa.registry.client.provider.DefaultRegistryClient;
import com.alipay.sofa.registry.client.provider.DefaultRegistryClientConfigBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starting official clients the way an application configures one, and waiting for the server's acknowledgements. */
final class Clients {

    private Clients() {
    }

    /**
     * {@code n} clients, each its own connection, found through the discovery endpoint. The observer queue is
     * raised from 1 000 to 50 000 on both systems alike: a client holding 1 000 subscriptions gets up to 1 000
     * pushes in a burst, and the default queue would reject callbacks (the client's own limit, not the server's).
     */
    static List<DefaultRegistryClient> start(int n, String host, int port, String app) {
        List<DefaultRegistryClient> clients = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            DefaultRegistryClient client = new DefaultRegistryClient(DefaultRegistryClientConfigBuilder.start()
                    .setRegistryEndpoint(host)
                    .setRegistryEndpointPort(port)
                    .setAppName(app + "-" + i)
                    .setDataCenter("DefaultDataCenter")
                    .setZone("DEFAULT_ZONE")
                    .setInstanceId("weft-bench")
                    .setObserverThreadQueueLength(50_000)
                    .build());
            client.init();
            clients.add(client);
        }
        return clients;
    }

    /**
     * One publisher per client, waited for: every client is connected and its first round trip done before a
     * timed phase starts.
     */
    static long warmUp(List<DefaultRegistryClient> clients, String prefix) throws InterruptedException {
        long began = System.nanoTime();
        List<Register> registers = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            registers.add(clients.get(i).register(new PublisherRegistration(prefix + ".warmup." + i), "warm-up"));
        }
        long[] acked = awaitAcknowledged(registers, began, TimeUnit.SECONDS.toNanos(120));
        if (acked.length < registers.size()) {
            throw new IllegalStateException(registers.size() - acked.length + " clients got no acknowledgement in 120 s");
        }
        return System.nanoTime() - began;
    }

    /**
     * Waits until every register is acknowledged: {@link Register#isRegistered()} is true once the server's
     * RegisterResponse for the latest version came back (see the client's WorkerThread). Returns, for each register
     * seen acknowledged within {@code timeoutNanos}, when it was seen so, in ns since {@code began}, in ascending order.
     *
     * <p>Every millisecond a cursor moves along the list for as long as the registers it meets are acknowledged, and
     * stops at the first one that is not. A poll thus reads a handful of registers instead of all that are pending:
     * reading all 20 000 every millisecond took the client JVM about half a core, and {@code isRegistered} takes the
     * register's read lock, which the client's own worker needs too. The time of the last acknowledgement, the one
     * the rates are computed from, is exact to the poll; a register acknowledged before one earlier in the list is
     * recorded when the cursor reaches it. At the time-out, one full pass counts those behind the cursor.
     */
    static long[] awaitAcknowledged(List<? extends Register> registers, long began, long timeoutNanos)
            throws InterruptedException {
        long[] at = new long[registers.size()];
        int cursor = 0;
        while (cursor < registers.size() && System.nanoTime() - began < timeoutNanos) {
            long now = System.nanoTime();
            while (cursor < registers.size() && registers.get(cursor).isRegistered()) {
                at[cursor++] = now - began;
            }
            if (cursor < registers.size()) {
                Thread.sleep(1);
            }
        }
        int done = cursor;
        long now = System.nanoTime();
        for (int i = cursor; i < registers.size(); i++) {
            if (registers.get(i).isRegistered()) {
                at[done++] = now - began;
            }
        }
        return java.util.Arrays.copyOf(at, done);
    }

    /**
     * Closes the clients' connections, which the server sees as the clients going away. The client has no close of
     * its own; its connection's {@code destroy} is what an application's shutdown amounts to.
     */
    static void close(List<DefaultRegistryClient> clients) {
        try {
            java.lang.reflect.Field field = DefaultRegistryClient.class.getDeclaredField("client");
            field.setAccessible(true);
            for (DefaultRegistryClient client : clients) {
                if (field.get(client) instanceof com.alipay.sofa.registry.client.remoting.ClientConnection connection) {
                    connection.destroy();
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot close the registry clients", e);
        }
    }
}
