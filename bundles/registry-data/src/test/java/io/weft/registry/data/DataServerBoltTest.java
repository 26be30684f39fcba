package io.weft.registry.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.registry.data.server.SessionConnections;
import io.weft.registry.protocol.ClientOffRequest;
import io.weft.registry.protocol.DataReply;
import io.weft.registry.protocol.DatumChanged;
import io.weft.registry.protocol.DatumVersions;
import io.weft.registry.protocol.DatumView;
import io.weft.registry.protocol.GetDatumVersionsRequest;
import io.weft.registry.protocol.PublicationBatch;
import io.weft.registry.protocol.PublicationBatchReply;
import io.weft.registry.protocol.PublishRequest;
import io.weft.registry.protocol.RegistryRoles;
import io.weft.registry.protocol.ReplyMessages;
import io.weft.registry.protocol.SessionLeaseRenew;
import io.weft.registry.protocol.UnpublishRequest;
import java.io.DataInputStream;
import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * One data server on 127.0.0.1 spoken to over real Bolt by a test session, its slot table from a fake meta: two
 * slots, slot 0 led here, slot 1 led by a server that does not exist.
 */
class DataServerBoltTest {

    private static final String ELSEWHERE = "10.255.255.1:9620";
    private static final String LED_HERE = Tables.idInSlot(0, 2);
    private static final String LED_ELSEWHERE = Tables.idInSlot(1, 2);

    private final LogCapture dataLog = new LogCapture("registry.data");
    private FakeMeta meta;
    private TestServers servers;
    private DataServer server;
    private TestSession session;
    private String address;

    @BeforeEach
    void start() {
        meta = new FakeMeta();
        servers = new TestServers(meta.address());
        server = servers.start();
        address = server.address();
        meta.dataNodes(address);
        meta.table(Tables.table(1, 2, id -> id == 0 ? Tables.slot(0, address) : Tables.slot(1, ELSEWHERE)));
        Eventually.await("the data server works", server::working);
        session = new TestSession("session-process-1");
    }

    @AfterEach
    void stop() {
        session.close();
        servers.close();
        meta.close();
        dataLog.close();
    }

    @Test
    @DisplayName("REG-31, REG-51: the data server heartbeats to the meta as DATA, takes the slot table and logs to WORK")
    void heartbeatAndWork() {
        var beat = meta.heartbeats.get(meta.heartbeats.size() - 1);
        assertEquals(RegistryRoles.DATA, beat.getRole());
        assertEquals(address, beat.getAddress());
        assertEquals("DC1", beat.getDataCenter());
        assertTrue(beat.getProcessId() != null && !beat.getProcessId().isBlank());
        Eventually.await("the heartbeat carries the table's epoch",
                () -> meta.heartbeats.get(meta.heartbeats.size() - 1).getSlotTableEpoch() == 1);
        assertTrue(dataLog.contains(address + " to WORK: slot table epoch 1"), dataLog.lines().toString());
    }

    @Test
    @DisplayName("REG-38: a change of the data server set is logged as LocalDataServerChangeEvent")
    void dataServerSetChange() {
        Eventually.await("the first set is logged", () -> dataLog.contains("LocalDataServerChangeEvent"));
        meta.dataNodes(address, "127.0.0.2:9620");

        Eventually.await("the change is logged", () -> dataLog.contains("added [127.0.0.2:9620]"));
    }

    @Test
    @DisplayName("REG-29: a publish to the slot leader is stored; GetDatum shows it with its version")
    void publishThenGet() throws Exception {
        DataReply reply = session.publish(address, LED_HERE, "register-1", "10.0.0.1:12200?v=1");

        assertTrue(reply.isSuccess(), reply.getMessage());
        assertTrue(reply.getDatumVersion() > 0);
        DatumView datum = session.get(address, LED_HERE);
        assertTrue(datum.isSuccess());
        assertEquals(reply.getDatumVersion(), datum.getVersion());
        assertEquals(1, datum.getPublishers().size());
        assertEquals(List.of("10.0.0.1:12200?v=1"), datum.getPublishers().get(0).getData());
        assertEquals("session-process-1", datum.getPublishers().get(0).getSessionProcessId());
    }

    @Test
    @DisplayName("0021: a datum nobody published reads as version 0")
    void unknownDatum() throws Exception {
        DatumView datum = session.get(address, LED_HERE);
        assertTrue(datum.isSuccess());
        assertEquals(0, datum.getVersion());
        assertEquals(List.of(), datum.getPublishers());
    }

    @Test
    @DisplayName("REG-37: after a change every session connection receives DatumChanged with the new version")
    void changeNotice() throws Exception {
        try (TestSession other = new TestSession("session-process-2")) {
            other.get(address, LED_HERE);

            DataReply reply = session.publish(address, LED_HERE, "register-1", "a");

            Eventually.await("both sessions notified", () -> has(session.notices, reply.getDatumVersion())
                    && has(other.notices, reply.getDatumVersion()));
        }
    }

    @Test
    @DisplayName("0021: a request for a slot led elsewhere is refused with 'not leader of slot N' and the leader")
    void notLeader() throws Exception {
        DataReply reply = session.publish(address, LED_ELSEWHERE, "register-1", "a");

        assertFalse(reply.isSuccess());
        assertEquals(ReplyMessages.notLeaderOfSlot(1), reply.getMessage());
        assertEquals(ELSEWHERE, reply.getSlotLeader());
        DatumView datum = session.get(address, LED_ELSEWHERE);
        assertFalse(datum.isSuccess());
        assertTrue(ReplyMessages.isNotLeaderOfSlot(datum.getMessage()), datum.getMessage());
        assertTrue(datum.getMessage().contains(ELSEWHERE));
    }

    @Test
    @DisplayName("ARCHITECTURE §5: a PublishRequest with missing fields gets success=false naming them")
    void missingFields() throws Exception {
        PublishRequest request = session.publishRequest(LED_HERE, "register-1", "a");
        request.setGroup(" ");
        request.getPublisher().setSessionProcessId(null);

        DataReply reply = session.call(address, request);

        assertFalse(reply.isSuccess());
        assertEquals("PublishRequest without group, publisher.sessionProcessId", reply.getMessage());
        PublishRequest empty = new PublishRequest();
        DataReply emptyReply = session.call(address, empty);
        assertEquals("PublishRequest without dataInfoId, dataId, group, publisher", emptyReply.getMessage());
        assertEquals(0, server.store().publisherCount());
    }

    @Test
    @DisplayName("ARCHITECTURE §5: a denied class in the Hessian body is refused and logged; the server keeps serving")
    void deniedClass() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.sessionPort())) {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            socket.getOutputStream().write(BoltFrames.request(7, BoltFrames.CMD_REQUEST,
                    PublishRequest.class.getName(), BoltFrames.mapNaming("java.lang.ProcessBuilder")));

            BoltFrames.Response refused = BoltFrames.readResponse(in);

            assertEquals(7, refused.requestId());
            assertNotEquals(0, refused.status(), "Bolt's error status");
            assertTrue(dataLog.contains("java.lang.ProcessBuilder is on the deny list"), dataLog.lines().toString());
            assertEquals(1, server.counts().refusedBodies());
            assertEquals(0, server.store().publisherCount());

            socket.getOutputStream().write(BoltFrames.request(8, BoltFrames.CMD_HEARTBEAT, null, null));
            assertEquals(8, BoltFrames.readResponse(in).requestId(), "the same connection still answers");
        }
        assertTrue(session.publish(address, LED_HERE, "register-2", "b").isSuccess(), "still serving");
    }

    @Test
    @DisplayName("REG-36: unpublish and client off remove publishers and raise the version")
    void unpublishAndClientOff() throws Exception {
        long v1 = session.publish(address, LED_HERE, "register-1", "a").getDatumVersion();
        session.publish(address, LED_HERE, "register-2", "b");
        UnpublishRequest unpublish = new UnpublishRequest();
        unpublish.setDataInfoId(LED_HERE);
        unpublish.setRegisterId("register-1");
        unpublish.setSessionProcessId("session-process-1");

        DataReply unpublished = session.call(address, unpublish);

        assertTrue(unpublished.isSuccess());
        assertTrue(unpublished.getDatumVersion() > v1);
        ClientOffRequest off = new ClientOffRequest();
        off.setSessionProcessId("session-process-1");
        off.setConnectionIds(List.of("10.0.0.5:40001"));
        DataReply offReply = session.call(address, off);
        assertTrue(offReply.isSuccess());
        assertEquals("1 publishers removed", offReply.getMessage());
        DatumView datum = session.get(address, LED_HERE);
        assertEquals(List.of(), datum.getPublishers());
        assertTrue(datum.getVersion() > unpublished.getDatumVersion());
    }

    @Test
    @DisplayName("0021, REG-29, REG-36: a PublicationBatch is answered entry by entry, in order, as each request"
            + " alone; a refused entry leaves the others stored")
    void publicationBatch() throws Exception {
        session.publish(address, LED_HERE, "register-old", "x");
        UnpublishRequest unpublish = new UnpublishRequest();
        unpublish.setDataInfoId(LED_HERE);
        unpublish.setRegisterId("register-old");
        unpublish.setSessionProcessId("session-process-1");
        PublicationBatch batch = new PublicationBatch();
        batch.setPublishes(List.of(session.publishRequest(LED_HERE, "register-1", "a"),
                session.publishRequest(LED_ELSEWHERE, "register-2", "b"),
                session.publishRequest(LED_HERE, "register-3", "c")));
        batch.setUnpublishes(List.of(unpublish));

        PublicationBatchReply reply = session.call(address, batch);

        assertTrue(reply.isSuccess(), reply.toString());
        assertEquals(3, reply.getPublishReplies().size());
        assertTrue(reply.getPublishReplies().get(0).isSuccess());
        assertEquals("not leader of slot 1", reply.getPublishReplies().get(1).getMessage());
        assertTrue(reply.getPublishReplies().get(2).isSuccess());
        assertTrue(reply.getUnpublishReplies().get(0).isSuccess());
        DatumView datum = session.get(address, LED_HERE);
        assertEquals(List.of("register-1", "register-3"),
                datum.getPublishers().stream().map(p -> p.getRegisterId()).sorted().toList());
    }

    @Test
    @DisplayName("ARCHITECTURE §5: a PublicationBatch over the entry limit is refused whole; nothing of it is stored")
    void oversizedBatch() throws Exception {
        List<PublishRequest> publishes = new java.util.ArrayList<>();
        for (int i = 0; i <= PublicationBatch.MAX_ENTRIES; i++) {
            publishes.add(session.publishRequest(LED_HERE, "register-" + i, "a"));
        }
        PublicationBatch batch = new PublicationBatch();
        batch.setPublishes(publishes);

        PublicationBatchReply reply = session.call(address, batch);

        assertFalse(reply.isSuccess());
        assertTrue(reply.getMessage().contains("more than the " + PublicationBatch.MAX_ENTRIES), reply.getMessage());
        assertEquals(List.of(), session.get(address, LED_HERE).getPublishers());
    }

    @Test
    @DisplayName("0021: GetDatumVersions answers the versions of the datums whose slot is led here")
    void versions() throws Exception {
        long version = session.publish(address, LED_HERE, "register-1", "a").getDatumVersion();
        GetDatumVersionsRequest request = new GetDatumVersionsRequest();
        request.setDataInfoIds(List.of(LED_HERE, LED_ELSEWHERE));

        DatumVersions reply = session.call(address, request);

        assertTrue(reply.isSuccess());
        assertEquals(java.util.Map.of(LED_HERE, version), reply.getVersions());
        assertEquals("1 datums left out: their slots are not led here", reply.getMessage());
    }

    @Test
    @DisplayName("REG-34: a lease renewal over Bolt is accepted and starts the session's lease")
    void renew() throws Exception {
        SessionLeaseRenew renew = new SessionLeaseRenew();
        renew.setSessionAddress(TestSession.ADDRESS);
        renew.setSessionProcessId("session-process-1");

        DataReply reply = session.call(address, renew);

        assertTrue(reply.isSuccess());
        assertNull(reply.getMessage());
        assertEquals(1, server.status().sessionLeases());
    }

    @Test
    @DisplayName("REG-37, 0027: notices that queued go to a session as one DatumChangedBatch only once its lease"
            + " renewal said it reads them; to a session older than 1.6.0 (no such renewal) each goes alone")
    void noticeBatchesOnlyToSessionsThatReadThem() throws Exception {
        session.get(address, LED_HERE); // the session's connection is known from its first request
        SessionConnections connections = server.sessionConnections();
        String connection = connections.connectionIds().get(0);

        connections.send(connection, List.of(notice("a", 1), notice("b", 2)));
        Eventually.await("both notices", () -> session.notices.size() == 2);
        assertEquals(0, session.batches.get(), "one notice a frame to a session that did not say it reads batches");

        SessionLeaseRenew renew = new SessionLeaseRenew();
        renew.setSessionAddress(TestSession.ADDRESS);
        renew.setSessionProcessId("session-process-1");
        renew.setNoticeBatches(true);
        assertTrue(session.<DataReply>call(address, renew).isSuccess());
        connections.send(connection, List.of(notice("c", 3), notice("d", 4)));

        Eventually.await("all four notices", () -> session.notices.size() == 4);
        assertEquals(1, session.batches.get());
        List<String> ids = session.notices.stream().map(DatumChanged::getDataInfoId).toList();
        // Single frames may be handled on different threads of the test session's pool; a batch keeps its order.
        assertEquals(java.util.Set.of("a", "b"), java.util.Set.copyOf(ids.subList(0, 2)));
        assertEquals(List.of("c", "d"), ids.subList(2, 4));
    }

    private static DatumChanged notice(String dataInfoId, long version) {
        DatumChanged notice = new DatumChanged();
        notice.setDataInfoId(dataInfoId);
        notice.setVersion(version);
        return notice;
    }

    private static boolean has(List<DatumChanged> notices, long version) {
        return notices.stream().anyMatch(n -> n.getDataInfoId().equals(LED_HERE) && n.getVersion() == version);
    }
}
