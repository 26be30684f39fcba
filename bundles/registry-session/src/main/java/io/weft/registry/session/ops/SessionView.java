package io.weft.registry.session.ops;

import io.weft.registry.session.connection.RefusalCounts;
import io.weft.registry.session.push.PushCounts;
import io.weft.registry.session.push.PushSwitch;
import java.util.List;
import java.util.Optional;

/**
 * What the ops endpoints, the metrics and the console log read of a running session node. Answers from
 * memory, never blocks on the network: it is called on HTTP and scrape threads.
 */
public interface SessionView {

    /** {@code advertisedHost:port} of the client (Bolt) port while it listens; empty while it does not. */
    Optional<String> boltEndpoint();

    /** The clients' {@code ip:port}, one per open connection. */
    List<String> connections();

    int publishers();

    int subscribers();

    /** Configurators (RCP-19), the seed's "watchers". */
    int watchers();

    PushSwitch pushSwitch();

    PushCounts pushCounts();

    /** What the client port refused: frames, connections, requests answered with an error. */
    RefusalCounts refusals();

    /**
     * The session servers clients may connect to (RCP-16), {@code host:port} each: every session of the cluster
     * the meta servers know, this one included; a standalone session answers itself only. Empty while this one
     * does not listen.
     */
    default List<String> sessionEndpoints() {
        return boltEndpoint().map(List::of).orElse(List.of());
    }

    /** How this session stands in its cluster; {@link ClusterStatus#STANDALONE} without meta servers. */
    default ClusterStatus cluster() {
        return ClusterStatus.STANDALONE;
    }
}
