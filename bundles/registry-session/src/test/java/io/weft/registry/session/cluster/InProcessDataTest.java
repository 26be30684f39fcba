package io.weft.registry.session.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weft.registry.data.DataServer;
import io.weft.registry.data.server.InProcessSessions;
import io.weft.registry.session.Eventually;
import io.weft.registry.session.SessionNode;
import io.weft.registry.session.realclient.RealClient;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A session and the data server of its own node, called in-process (decision record 0025), between the unmodified
 * {@code registry-client-all} and another session that reaches the same data server over Bolt.
 */
class InProcessDataTest {

    private static final String GROUP = "SOFA";
    private static final String DATA_INFO_ID = "svc.local#@#weft-test#@#" + GROUP;

    private TestCluster cluster;
    private final InProcessSessions inProcess = new InProcessSessions();
    private DataServer data;
    /** Calls its data server in-process. */
    private SessionNode local;
    /** Calls the same data server over Bolt, as a session of another node does. */
    private SessionNode remote;

    @BeforeEach
    void start() throws Exception {
        cluster = new TestCluster();
        local = cluster.startSession();
        local.localData(inProcess);
        remote = cluster.startSession();
        data = cluster.startData(inProcess);
        cluster.meta.dataNodes(data.address());
        cluster.meta.table(TestCluster.table(1, 8, slot -> data.address()));
        Eventually.await("the data server works", data::working);
        for (SessionNode session : List.of(local, remote)) {
            Eventually.await("the session routes by epoch 1", () -> session.cluster().slotTableEpoch() == 1);
        }
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    /** The sessions connected to the data server over Bolt (its status counts the attached ones too). */
    private int boltSessions() {
        return data.status().sessionConnections() - inProcess.size();
    }

    @Test
    @DisplayName("REG-3, REG-37: publications through the in-process session reach a subscriber on a Bolt session,"
            + " and the other way round; the in-process session never opens a Bolt connection to its data server")
    void publicationsCrossBetweenInProcessAndBolt() {
        Observed onRemote = new Observed();
        cluster.client(remote, "consumer-remote").subscribe("svc.local", GROUP, onRemote);
        Observed onLocal = new Observed();
        cluster.client(local, "consumer-local").subscribe("svc.local", GROUP, onLocal);

        RealClient provider = cluster.client(local, "provider-local");
        provider.publish("svc.local", GROUP, "10.0.0.1:12200");
        onRemote.awaitValues(List.of("10.0.0.1:12200"));
        onLocal.awaitValues(List.of("10.0.0.1:12200"));
        assertEquals(1, data.store().get(DATA_INFO_ID).publisherCount(), "the data server holds the publication");
        assertEquals(local.cluster().processId(),
                data.store().get(DATA_INFO_ID).publishers().values().iterator().next().getSessionProcessId(),
                "under the in-process session's lease");

        RealClient other = cluster.client(remote, "provider-remote");
        other.publish("svc.local", GROUP, "10.0.0.2:12200");
        onLocal.awaitValues(List.of("10.0.0.1:12200", "10.0.0.2:12200"));

        provider.close();
        onRemote.awaitValues(List.of("10.0.0.2:12200"));
        onLocal.awaitValues(List.of("10.0.0.2:12200"));

        assertEquals(1, inProcess.size(), "the local session is attached");
        assertEquals(1, boltSessions(), "only the remote session is connected over Bolt");
    }

    @Test
    @DisplayName("REG-37: the data server's in-process port goes away (its bundle stopped) and comes back: the session"
            + " calls over Bolt meanwhile and in-process again after, and its subscriber sees every change")
    void portGoesAwayAndComesBack() {
        Observed seen = new Observed();
        cluster.client(local, "consumer").subscribe("svc.local", GROUP, seen);
        RealClient provider = cluster.client(remote, "provider");
        provider.publish("svc.local", GROUP, "v1");
        seen.awaitValues(List.of("v1"));
        assertEquals(1, boltSessions(), "the remote session alone over Bolt");

        local.localData(null);
        assertEquals(0, inProcess.size(), "detached");
        provider.republish("svc.local", "v2");
        seen.awaitValues(List.of("v2"));
        Eventually.await("the local session connected over Bolt", () -> boltSessions() == 2);

        local.localData(inProcess);
        assertEquals(1, inProcess.size(), "attached again");
        provider.republish("svc.local", "v3");
        seen.awaitValues(List.of("v3"));
    }
}
