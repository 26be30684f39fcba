package io.weft.registry.data.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.registry.protocol.PublisherEntry;
import io.weft.registry.protocol.Slots;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DatumStoreTest {

    private static final String SERVICE = "com.example.Service#@#DEFAULT_INSTANCE_ID#@#SOFA";

    private final AtomicLong millis = new AtomicLong(1_700_000_000_000L);
    private final DatumStore store = new DatumStore(new VersionClock(millis::get));

    @Test
    @DisplayName("0021: a datum nobody published has version 0")
    void unpublishedDatum() {
        Datum datum = store.get(SERVICE);
        assertEquals(0, datum.version());
        assertEquals(0, datum.publisherCount());
        assertEquals(0, store.datumCount());
    }

    @Test
    @DisplayName("REG-83: the publishers in the slots led are counted apart from all held; datums without publishers"
            + " are not counted")
    void scopedPublisherCount() {
        String other = "com.example.Other#@#DEFAULT_INSTANCE_ID#@#SOFA";
        store.publish(SERVICE, publisher("r1", "s1", "c1", 1));
        store.publish(SERVICE, publisher("r2", "s1", "c1", 1));
        store.publish(other, publisher("r3", "s1", "c1", 1));

        int serviceSlot = Slots.slotOf(SERVICE, 64);
        int otherSlot = Slots.slotOf(other, 64);
        assertNotEquals(serviceSlot, otherSlot, "the test needs them in two slots");

        assertEquals(3, store.publisherCount());
        assertEquals(2, store.datumCount());
        assertEquals(2, store.publisherCount(64, slot -> slot == serviceSlot));
        assertEquals(1, store.publisherCount(64, slot -> slot == otherSlot));
        assertEquals(0, store.publisherCount(64, slot -> false));
        assertEquals(0, store.publisherCount(0, slot -> true), "no slot table: nothing is led");

        store.unpublish(other, "r3", "s1");
        assertEquals(2, store.publisherCount());
        assertEquals(1, store.datumCount(), "a datum without publishers is not counted");
        assertEquals(0, store.publisherCount(64, slot -> slot == otherSlot));
    }

    @Test
    @DisplayName("RCP-12: every change gives a higher version, even within one millisecond")
    void versionsRise() {
        long first = store.publish(SERVICE, publisher("r1", "s1", "c1", 1)).datum().version();
        long second = store.publish(SERVICE, publisher("r2", "s1", "c1", 1)).datum().version();
        long third = store.unpublish(SERVICE, "r1", "s1").datum().version();
        millis.addAndGet(5);
        long fourth = store.publish(SERVICE, publisher("r1", "s1", "c1", 1)).datum().version();

        assertTrue(first > 0);
        assertTrue(second > first && third > second && fourth > third, List.of(first, second, third, fourth)
                .toString());
        assertEquals(millis.get(), VersionClock.millisOf(fourth));
    }

    @Test
    @DisplayName("RCP-12: a datum empty for longer than the retention is forgotten; a publish to it later still gets a"
            + " higher version; empty datums within the retention and datums with publishers stay")
    void emptyDatumsForgotten() {
        String emptiedEarly = "com.example.Early#@#DEFAULT_INSTANCE_ID#@#SOFA";
        String emptiedLate = "com.example.Late#@#DEFAULT_INSTANCE_ID#@#SOFA";
        store.publish(emptiedEarly, publisher("r1", "s1", "c1", 1));
        store.publish(emptiedLate, publisher("r2", "s1", "c1", 1));
        store.publish(SERVICE, publisher("r3", "s1", "c1", 1));
        long forgottenVersion = store.unpublish(emptiedEarly, "r1", "s1").datum().version();
        millis.addAndGet(600_000);
        store.unpublish(emptiedLate, "r2", "s1");
        millis.addAndGet(1);
        EmptyDatumSweep sweep = new EmptyDatumSweep(store, Clock.fixed(Instant.ofEpochMilli(millis.get()),
                ZoneOffset.UTC), 600_000);

        sweep.run();

        assertTrue(store.find(emptiedEarly).isEmpty(), "empty for longer than the retention");
        assertTrue(store.find(emptiedLate).isPresent(), "empty for less than the retention");
        assertEquals(1, store.find(SERVICE).orElseThrow().publisherCount());
        long republished = store.publish(emptiedEarly, publisher("r1", "s1", "c1", 2)).datum().version();
        assertTrue(republished > forgottenVersion, republished + " > " + forgottenVersion);
        long onAnotherServer = new DatumStore(new VersionClock(millis::get))
                .publish(emptiedEarly, publisher("r1", "s1", "c1", 2)).datum().version();
        assertTrue(onAnotherServer > forgottenVersion, "a server that never saw it: " + onAnotherServer);
    }

    @Test
    @DisplayName("REG-24: a publish with a known registerId replaces that publisher; an older clientVersion does not")
    void replaceByRegisterId() {
        store.publish(SERVICE, publisher("r1", "s1", "c1", 2, "10.0.0.1:12200"));
        DatumStore.Change replaced = store.publish(SERVICE, publisher("r1", "s1", "c1", 3, "10.0.0.1:12201"));
        DatumStore.Change stale = store.publish(SERVICE, publisher("r1", "s1", "c1", 1, "10.0.0.1:12199"));

        assertTrue(replaced.changed());
        assertFalse(stale.changed());
        assertEquals(replaced.datum().version(), stale.datum().version());
        Datum datum = store.get(SERVICE);
        assertEquals(1, datum.publisherCount());
        assertEquals(List.of("10.0.0.1:12201"), datum.publishers().get("r1").getData());
    }

    @Test
    @DisplayName("REG-36: unpublish removes a publisher only for the session process that holds it")
    void unpublish() {
        store.publish(SERVICE, publisher("r1", "s1", "c1", 1));

        assertFalse(store.unpublish(SERVICE, "r1", "other-session").changed());
        assertFalse(store.unpublish(SERVICE, "unknown", "s1").changed());
        DatumStore.Change removed = store.unpublish(SERVICE, "r1", "s1");

        assertTrue(removed.changed());
        assertEquals(0, store.get(SERVICE).publisherCount());
        assertEquals(0, store.datumCount());
        assertEquals(removed.datum().version(), store.get(SERVICE).version(), "the version stays after the last one");
    }

    @Test
    @DisplayName("REG-36: a client off removes that client's publishers of that session only, in the scope given")
    void clientOff() {
        String other = "com.example.Other#@#DEFAULT_INSTANCE_ID#@#SOFA";
        store.publish(SERVICE, publisher("r1", "s1", "c1", 1));
        store.publish(SERVICE, publisher("r2", "s1", "c2", 1));
        store.publish(SERVICE, publisher("r3", "s2", "c1", 1));
        store.publish(other, publisher("r4", "s1", "c1", 1));
        long before = store.get(SERVICE).version();

        DatumStore.Removal removal = store.removePublishers(SERVICE::equals,
                p -> p.getSessionProcessId().equals("s1") && p.getConnectionId().equals("c1"));
        List<Datum> changed = removal.changed();

        assertEquals(1, removal.publishers());
        assertEquals(1, changed.size());
        assertTrue(changed.get(0).version() > before);
        assertEquals(List.of("r2", "r3"), List.copyOf(store.get(SERVICE).publishers().keySet()));
        assertEquals(1, store.get(other).publisherCount(), "out of scope");
        assertEquals(3, store.publisherCount());
    }

    @Test
    @DisplayName("0021: a replica replaces only an older version, and a later change rises above it")
    void replicas() {
        long leaderVersion = (millis.get() + 60_000) << 12;
        assertTrue(store.applyReplica(SERVICE, leaderVersion, List.of(publisher("r1", "s1", "c1", 1))));
        assertFalse(store.applyReplica(SERVICE, leaderVersion - 1, List.of()));
        assertFalse(store.applyReplica(SERVICE, leaderVersion, List.of()));
        assertEquals(1, store.get(SERVICE).publisherCount());

        // This server's clock is a minute behind the old leader's: the next version still rises above.
        long next = store.publish(SERVICE, publisher("r2", "s1", "c1", 1)).datum().version();

        assertEquals(leaderVersion + 1, next);
    }

    @Test
    @DisplayName("REG-29: datums of slots no longer held can be dropped")
    void retainOnly() {
        store.publish(SERVICE, publisher("r1", "s1", "c1", 1));
        store.publish("other", publisher("r2", "s1", "c1", 1));

        assertEquals(1, store.retainOnly(SERVICE::equals));
        assertTrue(store.find("other").isEmpty());
        assertEquals(1, store.datumCount());
    }

    static PublisherEntry publisher(String registerId, String sessionProcessId, String connectionId,
            long clientVersion, String... data) {
        PublisherEntry entry = new PublisherEntry();
        entry.setRegisterId(registerId);
        entry.setSessionAddress("127.0.0.1:9600");
        entry.setSessionProcessId(sessionProcessId);
        entry.setConnectionId(connectionId);
        entry.setClientVersion(clientVersion);
        entry.setData(List.of(data));
        return entry;
    }
}
