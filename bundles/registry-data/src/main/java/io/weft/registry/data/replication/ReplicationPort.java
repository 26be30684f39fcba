package io.weft.registry.data.replication;

import io.weft.codec.bolt.guard.PortGuard;
import io.weft.registry.data.transport.BoltPort;
import io.weft.registry.protocol.DataReply;
import io.weft.registry.protocol.ReplicateBatch;
import io.weft.registry.protocol.ReplicateBatchReply;
import io.weft.registry.protocol.ReplicateRequest;
import io.weft.registry.protocol.SlotSyncRequest;
import java.util.concurrent.Executor;

/**
 * The other data servers' port (9621 by default, REG-53): replication from slot leaders and slot sync requests,
 * answered by {@link ReplicaReceiver} on the data server's workers.
 *
 * <p>Lifecycle: {@link #start()} once, {@link #close()} once.
 */
public final class ReplicationPort implements AutoCloseable {

    private final BoltPort port;

    public ReplicationPort(String host, int port, PortGuard guard, ReplicaReceiver receiver, Executor workers) {
        this.port = new BoltPort("replication", host, port, guard)
                .handle(ReplicateRequest.class, (r, c) -> receiver.replicate(r), DataReply::refused, workers)
                .handle(ReplicateBatch.class, (r, c) -> receiver.replicateAll(r), ReplicateBatchReply::refused,
                        workers)
                .handle(SlotSyncRequest.class, (r, c) -> receiver.snapshot(r), ReplicaReceiver::refusedSnapshot,
                        workers);
    }

    public void start() {
        port.start();
    }

    public int port() {
        return port.port();
    }

    public boolean listening() {
        return port.listening();
    }

    @Override
    public void close() {
        port.close();
    }
}
