package io.weft.registry.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.registry.data.server.InProcessSessions;
import io.weft.registry.protocol.DataReply;
import io.weft.registry.protocol.DatumChanged;
import io.weft.registry.protocol.DatumView;
import io.weft.registry.protocol.ReplyMessages;
import io.weft.registry.protocol.inprocess.InProcessDataPort;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A data server's session port in-process (decision record 0025) beside its Bolt port: the same requests, the same
 * replies, the same notices, and one store behind both.
 */
class DataServerInProcessTest {

    private static final String ELSEWHERE = "10.255.255.1:9620";
    private static final String LED_HERE = Tables.idInSlot(0, 2);
    private static final String LED_ELSEWHERE = Tables.idInSlot(1, 2);

    private final InProcessSessions inProcess = new InProcessSessions();
    private FakeMeta meta;
    private TestServers servers;
    private DataServer server;
    private TestSession boltSession;
    private String address;

    @BeforeEach
    void start() {
        meta = new FakeMeta();
        servers = new TestServers(meta.address());
        server = servers.start(inProcess);
        address = server.address();
        meta.dataNodes(address);
        meta.table(Tables.table(1, 2, id -> id == 0 ? Tables.slot(0, address) : Tables.slot(1, ELSEWHERE)));
        Eventually.await("the data server works", server::working);
        boltSession = new TestSession("bolt-session");
    }

    @AfterEach
    void stop() {
        boltSession.close();
        servers.close();
        meta.close();
    }

    private Object call(Object request) throws Exception {
        return inProcess.call(request).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("REG-29: a publish handed over in-process is stored under the slot table's address and read back"
            + " over Bolt; one led elsewhere is refused with the leader, as on the wire")
    void publishInProcessReadOverBolt() throws Exception {
        assertEquals(address, inProcess.address());
        DataReply reply = (DataReply) call(boltSession.publishRequest(LED_HERE, "register-1", "10.0.0.1:12200"));
        assertTrue(reply.isSuccess(), reply.getMessage());

        DatumView datum = boltSession.get(address, LED_HERE);
        assertEquals(reply.getDatumVersion(), datum.getVersion());
        assertEquals(List.of("10.0.0.1:12200"), datum.getPublishers().get(0).getData());

        DataReply refused = (DataReply) call(boltSession.publishRequest(LED_ELSEWHERE, "register-2", "x"));
        assertFalse(refused.isSuccess());
        assertEquals(ReplyMessages.notLeaderOfSlot(1), refused.getMessage());
        assertEquals(ELSEWHERE, refused.getSlotLeader());
    }

    @Test
    @DisplayName("REG-37: a change made over Bolt is noticed by the attached session, and one made in-process by the"
            + " Bolt session; the attached session is counted among the session connections until it detaches")
    void noticesBothWays() throws Exception {
        List<DatumChanged> attachedNotices = new CopyOnWriteArrayList<>();
        InProcessDataPort.Attachment attachment = inProcess.attach("test session", attachedNotices::add);
        boltSession.get(address, LED_HERE);
        assertEquals(2, server.status().sessionConnections());

        DataReply overBolt = boltSession.publish(address, LED_HERE, "register-1", "a");
        Eventually.await("the attached session noticed the change made over Bolt",
                () -> attachedNotices.stream().anyMatch(n -> n.getVersion() == overBolt.getDatumVersion()));
        DataReply inProc = (DataReply) call(boltSession.publishRequest(LED_HERE, "register-2", "b"));
        Eventually.await("the Bolt session noticed the change made in-process",
                () -> boltSession.notices.stream().anyMatch(n -> n.getVersion() == inProc.getDatumVersion()));

        attachment.close();
        attachment.close();
        assertEquals(1, server.status().sessionConnections());
        int before = attachedNotices.size();
        DataReply after = boltSession.publish(address, LED_HERE, "register-3", "c");
        Eventually.await("the Bolt session noticed", () -> boltSession.notices.stream()
                .anyMatch(n -> n.getVersion() == after.getDatumVersion()));
        assertEquals(before, attachedNotices.size(), "nothing after detaching");
    }

    @Test
    @DisplayName("Decision 0025: a request the data server's session port does not take, or any after the server"
            + " stopped, fails at once with the reason; the node's next data server is served by the same port")
    void refusalsAndRestart() throws Exception {
        CompletionException unknown = failure(inProcess.call("not a request").toCompletableFuture());
        assertTrue(unknown.getCause().getMessage().contains("takes no java.lang.String"), unknown.getMessage());

        servers.close();
        assertNull(inProcess.address());
        CompletionException stopped = failure(inProcess.call(boltSession.publishRequest(LED_HERE, "r", "a"))
                .toCompletableFuture());
        assertTrue(stopped.getCause().getMessage().contains("not running"), stopped.getMessage());

        DataServer next = servers.start(inProcess);
        assertEquals(next.address(), inProcess.address());
    }

    @Test
    @DisplayName("Decision 0025: a session's in-process call makes no data server thread that keeps the session's"
            + " class loader (a thread takes its creator's), so an upgraded session's classes can be unloaded")
    void callsLeaveNoThreadWithTheCallersLoader() throws Exception {
        ClassLoader sessionLoader = new URLClassLoader(new URL[0], null);
        List<Object> replies = new CopyOnWriteArrayList<>();
        Thread caller = new Thread(() -> {
            try {
                replies.add(call(boltSession.publishRequest(LED_HERE, "register-1", "a")));
            } catch (Exception e) {
                replies.add(e);
            }
        }, "a session's thread");
        caller.setContextClassLoader(sessionLoader);
        caller.start();
        caller.join();

        assertTrue(replies.get(0) instanceof DataReply r && r.isSuccess(), replies.toString());
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("weft-data-")) {
                assertFalse(thread.getContextClassLoader() == sessionLoader, thread.getName());
            }
        }
    }

    private static CompletionException failure(java.util.concurrent.CompletableFuture<Object> call) {
        try {
            call.join();
        } catch (CompletionException e) {
            return e;
        }
        throw new AssertionError("the call did not fail");
    }
}
