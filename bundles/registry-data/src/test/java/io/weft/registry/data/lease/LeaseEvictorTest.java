package io.weft.registry.data.lease;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.registry.data.LogCapture;
import io.weft.registry.data.Tables;
import io.weft.registry.data.monitor.DataCounts;
import io.weft.registry.data.slot.LocalSlots;
import io.weft.registry.data.store.Datum;
import io.weft.registry.data.store.DatumStore;
import io.weft.registry.data.store.VersionClock;
import io.weft.registry.protocol.DataReply;
import io.weft.registry.protocol.PublisherEntry;
import io.weft.registry.protocol.SessionLeaseRenew;
import io.weft.testing.MutableClock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Session leases with a clock the test moves: no waiting, no timing. */
class LeaseEvictorTest {

    private static final String SELF = "127.0.0.1:9620";
    private static final String SERVICE = "com.example.Service#@#DEFAULT_INSTANCE_ID#@#SOFA";
    private static final long LEASE = 30_000;

    private final MutableClock clock = new MutableClock(1_700_000_000_000L);
    private final DatumStore store = new DatumStore(new VersionClock(clock::millis));
    private final LocalSlots slots = new LocalSlots();
    private final SessionLeases leases = new SessionLeases();
    private final List<Datum> changes = new ArrayList<>();
    private final DataCounts counts = new DataCounts();
    private final LeaseEvictor evictor = new LeaseEvictor(leases, store, slots, changes::add, counts, clock, LEASE);
    private final Renewals renewals = new Renewals(leases, evictor, store, slots, clock);
    private final LogCapture leaseLog = new LogCapture("registry.datum.lease");
    private final LogCapture dataLog = new LogCapture("registry.data");
    private final LogCapture renewLog = new LogCapture("registry.renew");

    LeaseEvictorTest() {
        slots.locatedAt(SELF);
        slots.offer(Tables.all(1, 8, SELF));
    }

    @AfterEach
    void detach() {
        leaseLog.close();
        dataLog.close();
        renewLog.close();
    }

    @Test
    @DisplayName("REG-34, REG-35: a session process not renewed for the lease time loses its publishers, logged")
    void noHeartbeat() {
        publish("r1", "10.0.0.1:9600", "process-1");
        publish("r2", "10.0.0.2:9600", "process-2");
        clock.advanceMillis(LEASE - 1);
        renewals.renew(renew("10.0.0.2:9600", "process-2", 1));
        evictor.check();
        assertEquals(2, store.get(SERVICE).publisherCount(), "nobody expired yet");

        clock.advanceMillis(1);
        evictor.check();

        assertEquals(List.of("r2"), List.copyOf(store.get(SERVICE).publishers().keySet()));
        assertEquals(1, counts.evictedNoHeartbeat());
        assertEquals(SERVICE, changes.get(changes.size() - 1).dataInfoId(), "the change goes to sessions/followers");
        assertTrue(leaseLog.contains("dataRenewEvict_Noheartbeat: session 10.0.0.1:9600 process process-1"),
                leaseLog.lines().toString());
        assertTrue(dataLog.contains("dataSessionOff_trigger(data_missing): session 10.0.0.1:9600 process process-1"),
                dataLog.lines().toString());
    }

    @Test
    @DisplayName("REG-34: a session that restarted (same address, new process) keeps the old process's publishers"
            + " for the rest of its lease; those its clients did not register again then go, as expired")
    void expired() {
        publish("r1", "10.0.0.1:9600", "process-1");
        publish("r2", "10.0.0.1:9600", "process-1");
        clock.advanceMillis(1_000);

        DataReply reply = renewals.renew(renew("10.0.0.1:9600", "process-1b", 0));

        assertTrue(reply.isSuccess());
        assertEquals(2, store.get(SERVICE).publisherCount(), "no subscriber sees them go at the restart");
        assertTrue(leaseLog.contains("session 10.0.0.1:9600 restarted as process process-1b: 2 publishers of its"
                + " process process-1 stay for 29000 ms more"), leaseLog.lines().toString());
        int changesAtRestart = changes.size();

        // r1's client reconnected and registered again through the new process; r2's never came back.
        publish("r1", "10.0.0.1:9600", "process-1b");
        clock.advanceMillis(LEASE - 1_001);
        renewals.renew(renew("10.0.0.1:9600", "process-1b", 1));
        evictor.check();
        assertEquals(2, store.get(SERVICE).publisherCount(), "the old lease has not run out yet");
        assertEquals(changesAtRestart, changes.size(), "no change was sent for the restart itself");

        clock.advanceMillis(1);
        evictor.check();

        assertEquals(List.of("r1"), List.copyOf(store.get(SERVICE).publishers().keySet()));
        assertEquals("process-1b", store.get(SERVICE).publishers().get("r1").getSessionProcessId());
        assertEquals(1, counts.evictedExpired());
        assertEquals(0, counts.evictedNoHeartbeat());
        assertTrue(leaseLog.contains("dataRenewEvict_Expired: session 10.0.0.1:9600 restarted; 1 publishers of its old"
                + " process process-1 not registered again within its lease removed"), leaseLog.lines().toString());
        assertEquals(1, store.get(SERVICE).publisherCount());
    }

    @Test
    @DisplayName("REG-34: publishers that came by replication get a whole lease time for their session to renew")
    void adoptedReplicas() {
        store.applyReplica(SERVICE, 5, List.of(publisher("r9", "10.0.0.9:9600", "process-9")));
        evictor.check();

        assertKeptForOneLeaseThenEvicted();
        assertEquals(1, counts.evictedNoHeartbeat());
    }

    @Test
    @DisplayName("REG-34: publishers that came by replication after a check are given their lease within a sixth of"
            + " the lease time, and lose their publishers when it ends unrenewed")
    void replicasArrivingLaterAdoptedSoon() {
        evictor.check();
        store.applyReplica(SERVICE, 5, List.of(publisher("r9", "10.0.0.9:9600", "process-9")));
        clock.advanceMillis(LEASE / 6);
        evictor.check();

        assertKeptForOneLeaseThenEvicted();
    }

    /** The replica is still there one millisecond before a lease time from now, and gone at it. */
    private void assertKeptForOneLeaseThenEvicted() {
        clock.advanceMillis(LEASE - 1);
        evictor.check();
        assertEquals(1, store.get(SERVICE).publisherCount());

        clock.advanceMillis(1);
        evictor.check();
        assertEquals(0, store.get(SERVICE).publisherCount());
    }

    @Test
    @DisplayName("REG-34: only the slots this server leads are evicted; followers follow by replication")
    void onlyLedSlots() {
        slots.offer(Tables.all(2, 8, "10.0.0.7:9620", SELF));
        store.applyReplica(SERVICE, 5, List.of(publisher("r1", "10.0.0.1:9600", "process-1")));
        evictor.check();
        clock.advanceMillis(LEASE * 2);
        evictor.check();

        assertEquals(1, store.get(SERVICE).publisherCount());
    }

    @Test
    @DisplayName("REG-34: a renewal whose publisher count differs is logged once in registry-renew.log")
    void renewSnapshotDifference() {
        publish("r1", "10.0.0.1:9600", "process-1");

        DataReply first = renewals.renew(renew("10.0.0.1:9600", "process-1", 2));
        renewals.renew(renew("10.0.0.1:9600", "process-1", 2));
        DataReply agreed = renewals.renew(renew("10.0.0.1:9600", "process-1", 1));

        assertTrue(first.isSuccess());
        assertTrue(first.getMessage().contains("session reports 2"), first.getMessage());
        assertEquals(null, agreed.getMessage());
        assertEquals(1, renewLog.lines().stream().filter(l -> l.contains("dataRenew_Snapshot")).count(),
                renewLog.lines().toString());
    }

    @Test
    @DisplayName("REG-34: a renewal without its session's address or process is refused with a message")
    void badRenewal() {
        DataReply reply = renewals.renew(new SessionLeaseRenew());
        assertEquals(false, reply.isSuccess());
        assertTrue(reply.getMessage().contains("sessionProcessId"));
    }

    private void publish(String registerId, String session, String process) {
        renewals.touch(session, process);
        store.publish(SERVICE, publisher(registerId, session, process));
    }

    private static SessionLeaseRenew renew(String session, String process, int publisherCount) {
        SessionLeaseRenew renew = new SessionLeaseRenew();
        renew.setSessionAddress(session);
        renew.setSessionProcessId(process);
        renew.setPublisherCount(publisherCount);
        return renew;
    }

    private static PublisherEntry publisher(String registerId, String session, String process) {
        PublisherEntry entry = new PublisherEntry();
        entry.setRegisterId(registerId);
        entry.setSessionAddress(session);
        entry.setSessionProcessId(process);
        entry.setConnectionId("10.0.0.5:40001");
        return entry;
    }
}
