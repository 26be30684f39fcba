package io.weft.registry.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alipay.remoting.BizContext;
import com.alipay.remoting.rpc.RpcServer;
import com.alipay.remoting.rpc.protocol.SyncUserProcessor;
import io.weft.registry.data.store.Datum;
import io.weft.registry.protocol.DataReply;
import io.weft.registry.protocol.DatumChanged;
import io.weft.registry.protocol.DatumView;
import io.weft.registry.protocol.ProtocolClasses;
import io.weft.registry.protocol.PublicationBatch;
import io.weft.registry.protocol.PublicationBatchReply;
import io.weft.registry.protocol.ReplicateBatch;
import io.weft.registry.protocol.ReplicateBatchReply;
import io.weft.registry.protocol.ReplicateRequest;
import io.weft.registry.protocol.ReplyMessages;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Data servers in one JVM replicating to each other on 9621, their slot tables from a fake meta. */
class ReplicationTest {

    private static final int SLOTS = 4;
    private static final String SERVICE = "com.example.Replicated#@#DEFAULT_INSTANCE_ID#@#SOFA";

    private FakeMeta meta;
    private TestServers servers;
    private TestSession session;

    @BeforeEach
    void start() {
        meta = new FakeMeta();
        servers = new TestServers(meta.address());
        session = new TestSession("session-process-1");
    }

    @AfterEach
    void stop() {
        session.close();
        servers.close();
        meta.close();
    }

    @Test
    @DisplayName("REG-29, REG-32: the leader's publish reaches the follower; the promoted follower serves it at once")
    void leaderToFollowerThenPromotion() throws Exception {
        DataServer[] pair = leaderAndFollower();
        DataServer a = pair[0];
        DataServer b = pair[1];

        DataReply published = session.publish(a.address(), SERVICE, "register-1", "10.0.0.1:12200");
        assertTrue(published.isSuccess(), published.getMessage());
        long version = published.getDatumVersion();
        Eventually.await("the follower holds the datum", () -> b.store().get(SERVICE).version() == version);

        meta.table(Tables.all(2, SLOTS, b.address(), a.address()));
        Eventually.await("b took epoch 2", () -> b.slots().epoch() == 2);

        DatumView fromB = session.get(b.address(), SERVICE);
        assertTrue(fromB.isSuccess(), fromB.getMessage());
        assertEquals(version, fromB.getVersion());
        assertEquals("register-1", fromB.getPublishers().get(0).getRegisterId());

        Eventually.await("a took epoch 2", () -> a.slots().epoch() == 2);
        DataReply refused = session.publish(a.address(), SERVICE, "register-2", "x");
        assertFalse(refused.isSuccess());
        assertTrue(ReplyMessages.isNotLeaderOfSlot(refused.getMessage()), refused.getMessage());
        assertEquals(b.address(), refused.getSlotLeader());

        DataReply onB = session.publish(b.address(), SERVICE, "register-2", "y");
        assertTrue(onB.getDatumVersion() > version, "versions rise across the leader change");
        Eventually.await("a, now follower, holds b's change",
                () -> a.store().get(SERVICE).version() == onB.getDatumVersion());
        assertEquals(2, a.store().get(SERVICE).publisherCount());
    }

    @Test
    @DisplayName("REG-32: a follower gone fails the replication of every datum changed meanwhile; one line per follower"
            + " and interval says so (the next one with how many more), and the metric counts every one given up")
    void followerGoneLoggedOnceAnInterval() throws Exception {
        DataServer[] pair = leaderAndFollower();
        DataServer a = pair[0];
        DataServer b = pair[1];
        b.close();

        try (LogCapture log = new LogCapture("registry.data")) {
            for (int i = 0; i < 20; i++) {
                DataReply published = session.publish(a.address(), SERVICE + i, "register-" + i, "10.0.0.1:12200");
                assertTrue(published.isSuccess(), published.getMessage());
            }
            Eventually.await("every replication given up", () -> a.counts().replicationErrors() == 20);

            List<String> lines = log.lines().stream().filter(line -> line.contains("replication of")).toList();
            assertEquals(2, lines.size(), "one retry line and one given-up line: " + lines);
            assertTrue(lines.get(0).contains("retrying") && lines.get(1).contains("given up"), lines.toString());
        }
    }

    @Test
    @DisplayName("REG-29, 0027: a burst of 300 publications reaches the follower, every datum at the leader's version,"
            + " and every session notice arrives, though the changes that queue go in batches")
    void burstReachesFollowerAndSessions() throws Exception {
        DataServer[] pair = leaderAndFollower();
        DataServer a = pair[0];
        DataServer b = pair[1];
        session.get(a.address(), SERVICE); // a knows the session's connection from this request on: its notices
        PublicationBatch burst = burst(300);

        PublicationBatchReply reply = session.call(a.address(), burst);

        assertTrue(reply.isSuccess(), reply.getMessage());
        Eventually.await("the follower holds all 300 at the leader's versions", () -> {
            for (int i = 0; i < 300; i++) {
                long version = a.store().get(SERVICE + i).version();
                if (version == 0 || b.store().get(SERVICE + i).version() != version) {
                    return false;
                }
            }
            return true;
        });
        Eventually.await("a notice of each of the 300", () -> session.notices.stream()
                .map(DatumChanged::getDataInfoId).distinct().count() == 300);
        assertEquals(0, a.counts().replicationErrors());
    }

    @Test
    @DisplayName("0027: a ReplicateBatch on 9621 is answered entry by entry, in order, each as it would be alone;"
            + " an empty one is refused as a whole")
    void replicateBatchAnsweredPerEntry() throws Exception {
        DataServer[] pair = leaderAndFollower();
        DataServer b = pair[1];
        String follower = "127.0.0.1:" + b.replicationPort();
        ReplicateBatch batch = new ReplicateBatch();
        batch.getEntries().add(replica(SERVICE + "x", 7));
        batch.getEntries().add(replica(" ", 8));
        batch.getEntries().add(replica(SERVICE + "y", 9));

        ReplicateBatchReply reply = session.call(follower, batch);

        assertTrue(reply.isSuccess(), reply.getMessage());
        assertEquals(3, reply.getReplies().size());
        assertTrue(reply.getReplies().get(0).isSuccess());
        assertFalse(reply.getReplies().get(1).isSuccess());
        assertTrue(reply.getReplies().get(1).getMessage().contains("without dataInfoId"));
        assertTrue(reply.getReplies().get(2).isSuccess());
        assertEquals(7, b.store().get(SERVICE + "x").version());
        assertEquals(9, b.store().get(SERVICE + "y").version());

        ReplicateBatchReply empty = session.call(follower, new ReplicateBatch());
        assertFalse(empty.isSuccess());
        assertTrue(empty.getMessage().contains("without entries"), empty.getMessage());
    }

    @Test
    @DisplayName("0027: a follower older than protocol 1.6.0 (no processor for ReplicateBatch) still gets every datum,"
            + " each alone, with one line saying so and no replication error")
    void followerWithoutBatchesGetsEachAlone() throws Exception {
        DataServer a = servers.start();
        List<String> replicated = new CopyOnWriteArrayList<>();
        RpcServer oldFollower = new RpcServer("127.0.0.1", 0, true);
        oldFollower.registerUserProcessor(new SyncUserProcessor<ReplicateRequest>() {
            @Override
            public Object handleRequest(BizContext context, ReplicateRequest request) {
                replicated.add(request.getDataInfoId());
                DataReply reply = new DataReply();
                reply.setSuccess(true);
                reply.setDatumVersion(request.getVersion());
                return reply;
            }

            @Override
            public String interest() {
                return ReplicateRequest.class.getName();
            }

            @Override
            public ClassLoader getBizClassLoader() {
                return ProtocolClasses.classLoader();
            }
        });
        oldFollower.startup();
        try (LogCapture log = new LogCapture("registry.data")) {
            String follower = "127.0.0.1:" + oldFollower.port(); // no mapping: its replication address is itself
            meta.dataNodes(a.address(), follower);
            meta.table(Tables.all(1, SLOTS, a.address(), follower));
            Eventually.await("a works", a::working);
            PublicationBatch burst = burst(300);

            PublicationBatchReply reply = session.call(a.address(), burst);

            assertTrue(reply.isSuccess(), reply.getMessage());
            Eventually.await("the old follower got all 300", () -> replicated.stream().distinct().count() == 300);
            assertEquals(0, a.counts().replicationErrors());
            List<String> lines = log.lines().stream().filter(l -> l.contains("did not take a replication batch"))
                    .toList();
            assertEquals(1, lines.size(), lines.toString());
        } finally {
            oldFollower.shutdown();
        }
    }

    /** One batch publishing {@code count} datums, so that their changes queue for the follower and the sessions. */
    private PublicationBatch burst(int count) {
        PublicationBatch burst = new PublicationBatch();
        for (int i = 0; i < count; i++) {
            burst.getPublishes().add(session.publishRequest(SERVICE + i, "register-" + i, "10.0.0.1:12200"));
        }
        return burst;
    }

    private ReplicateRequest replica(String dataInfoId, long version) {
        ReplicateRequest request = new ReplicateRequest();
        request.setDataInfoId(dataInfoId);
        request.setVersion(version);
        request.setPublishers(List.of(session.publishRequest(SERVICE, "register-" + version, "d").getPublisher()));
        return request;
    }

    /** Two working data servers, the first leading every slot and the second following. */
    private DataServer[] leaderAndFollower() {
        DataServer a = servers.start();
        DataServer b = servers.start();
        meta.dataNodes(a.address(), b.address());
        meta.table(Tables.all(1, SLOTS, a.address(), b.address()));
        Eventually.await("both work", () -> a.working() && b.working());
        return new DataServer[] {a, b};
    }

    @Test
    @DisplayName("0021: a new follower asks the leader for the slot and holds its datums")
    void newFollowerSyncs() throws Exception {
        DataServer a = servers.start();
        meta.dataNodes(a.address());
        meta.table(Tables.all(1, SLOTS, a.address()));
        Eventually.await("a works", a::working);
        long version = session.publish(a.address(), SERVICE, "register-1", "10.0.0.1:12200").getDatumVersion();

        DataServer c = servers.start();
        meta.dataNodes(a.address(), c.address());
        meta.table(Tables.all(2, SLOTS, a.address(), c.address()));

        Eventually.await("c works", c::working);
        Datum synced = c.store().get(SERVICE);
        assertEquals(version, synced.version());
        assertEquals(1, synced.publisherCount());
    }

    @Test
    @DisplayName("0021, REG-29: a new follower that synced a slot while its leader was still under the older table"
            + " gets what the leader took meanwhile")
    void followerSyncedFromALeaderBehindCatchesUp() throws Exception {
        DataServer a = servers.start();
        meta.dataNodes(a.address());
        meta.table(Tables.all(1, SLOTS, a.address()));
        Eventually.await("a works", a::working);

        meta.withholdTableFrom(a.address());
        DataServer c = servers.start();
        meta.dataNodes(a.address(), c.address());
        meta.table(Tables.all(2, SLOTS, a.address(), c.address()));
        Eventually.await("c works, its slots synced from a", c::working);
        // a, still alone under epoch 1, takes a publication: its table has no follower to replicate it to.
        session.publish(a.address(), SERVICE, "register-1", "10.0.0.1:12200");
        assertEquals(0, c.store().get(SERVICE).publisherCount());

        meta.sendTableTo(a.address());
        Eventually.await("c holds what a took before it caught up",
                () -> c.store().get(SERVICE).publisherCount() == 1);
    }

    @Test
    @DisplayName("REG-31: before it is in a slot table, a data server refuses publishes with 'not working'")
    void notWorkingBeforeTable() throws Exception {
        DataServer a = servers.start();
        Eventually.await("a heartbeat arrived", () -> !meta.heartbeats.isEmpty());

        DataReply reply = session.publish(a.address(), SERVICE, "register-1", "x");

        assertFalse(reply.isSuccess());
        assertEquals(ReplyMessages.NOT_WORKING, reply.getMessage());
        assertFalse(a.status().working());
    }
}
