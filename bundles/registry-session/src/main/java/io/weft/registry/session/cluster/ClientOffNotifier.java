package io.weft.registry.session.cluster;

import io.weft.codec.bolt.guard.LogThrottle;
import io.weft.registry.protocol.ClientOffRequest;
import io.weft.registry.protocol.DataReply;
import io.weft.registry.session.cluster.ClusterCounts.Failure;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells every data server that clients disconnected (REG-36): one {@link ClientOffRequest} per data server for all
 * connections that closed since the last one (a restart of the client port closes them all at once). A data server
 * removes their publishers from the slots it leads, including publishers it holds of this session from before a
 * slot moved. A request that fails is tried again with a growing pause, {@value #ATTEMPTS} times; then the failure
 * is counted ({@code session_ClientOff_notifyDataFail}) and the connections' publications are handed to
 * {@code fallback}, which unpublishes them one by one from their slot leaders.
 *
 * <p>Thread confinement: runs on {@code thread}, a single thread; calls are asynchronous.
 */
public final class ClientOffNotifier {

    static final int ATTEMPTS = 5;

    private static final Logger LOG = LoggerFactory.getLogger("registry.session");

    private final Supplier<Collection<String>> dataServers;
    private final AsyncCalls rpc;
    private final int timeoutMillis;
    private final ScheduledExecutorService thread;
    private final ClusterCounts counts;
    private final DataReachability reachability;
    private final String processId;
    private final Consumer<Collection<PublicationKey>> fallback;
    private final LogThrottle errors;

    // Confined to the thread.
    private final List<String> connections = new ArrayList<>();
    private final List<PublicationKey> publications = new ArrayList<>();
    private boolean flushScheduled;

    /**
     * @param dataServers every data server of the cluster now
     * @param fallback    gets the publications of connections a data server could not be told of
     */
    public ClientOffNotifier(Supplier<Collection<String>> dataServers, AsyncCalls rpc, int timeoutMillis,
            ScheduledExecutorService thread, ClusterCounts counts, DataReachability reachability, String processId,
            Consumer<Collection<PublicationKey>> fallback, LogThrottle errors) {
        this.dataServers = dataServers;
        this.rpc = rpc;
        this.timeoutMillis = timeoutMillis;
        this.thread = thread;
        this.counts = counts;
        this.reachability = reachability;
        this.processId = processId;
        this.fallback = fallback;
        this.errors = errors;
    }

    /**
     * @param keys the publications the connection held (already dropped from what the session holds)
     */
    public void closed(String connectionId, List<PublicationKey> keys) {
        List<PublicationKey> copy = List.copyOf(keys);
        run(() -> {
            connections.add(connectionId);
            publications.addAll(copy);
            if (!flushScheduled) {
                flushScheduled = true;
                // Queued behind the closes already handed over, so those go in the same request.
                run(this::flush);
            }
        });
    }

    private void flush() {
        flushScheduled = false;
        ClientOffRequest request = new ClientOffRequest();
        request.setSessionProcessId(processId);
        request.setConnectionIds(connections);
        List<PublicationKey> keys = List.copyOf(publications);
        connections.clear();
        publications.clear();
        Collection<String> servers = dataServers.get();
        if (servers.isEmpty()) {
            // No data server known yet: what reached none needs no removal, the rest waits for a slot table.
            fallback.accept(keys);
            return;
        }
        for (String server : servers) {
            send(server, request, keys, 1);
        }
    }

    private void send(String server, ClientOffRequest request, List<PublicationKey> keys, int attempt) {
        rpc.callAsync(server, request, DataReply.class, timeoutMillis,
                (reply, failure) -> run(() -> done(server, request, keys, attempt, reply, failure)));
    }

    private void done(String server, ClientOffRequest request, List<PublicationKey> keys, int attempt,
            DataReply reply, CallFailedException failure) {
        if (failure == null) {
            reachability.answered(server);
        } else {
            reachability.failed(server);
        }
        if (failure == null && reply.isSuccess()) {
            LOG.info("[cluster] client off {} told to data server {}: {}", request.getConnectionIds(), server,
                    reply.getMessage());
            return;
        }
        String why = failure != null ? failure.getMessage() : reply.getMessage();
        if (attempt < ATTEMPTS) {
            schedule(() -> send(server, request, keys, attempt + 1), PublicationSync.pauseMillis(attempt));
            return;
        }
        counts.failed(Failure.CLIENT_OFF_NOTIFY_DATA_FAIL);
        errors.error("clientOff:" + server, "[cluster] {}: client off {} not taken by data server {} after {}"
                + " attempts, unpublishing their {} publications one by one: {}",
                Failure.CLIENT_OFF_NOTIFY_DATA_FAIL.seedName(), request.getConnectionIds(), server, attempt,
                keys.size(), why);
        fallback.accept(keys);
    }

    private void run(Runnable work) {
        try {
            thread.execute(work);
        } catch (RejectedExecutionException stopped) {
            // The session is closing: the data servers drop its publishers with its lease.
        }
    }

    private void schedule(Runnable work, long delayMillis) {
        try {
            thread.schedule(work, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            // The session is closing.
        }
    }
}
