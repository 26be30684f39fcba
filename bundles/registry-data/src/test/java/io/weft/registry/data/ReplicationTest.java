package io.weft.registry.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.registry.data.store.Datum;
import io.weft.registry.protocol.DataReply;
import io.weft.registry.protocol.DatumView;
import io.weft.registry.protocol.ReplyMessages;
import java.util.List;
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
