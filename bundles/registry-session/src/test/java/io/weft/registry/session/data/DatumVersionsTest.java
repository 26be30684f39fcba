package io.weft.registry.session.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DatumVersionsTest {

    @Test
    @DisplayName("RCP-12: versions rise within one millisecond and across a restart")
    void rising() {
        AtomicLong clock = new AtomicLong(1_700_000_000_000L);
        DatumVersions before = new DatumVersions(clock::get);
        long first = before.next();
        long second = before.next();
        assertTrue(second > first);
        assertEquals(1_700_000_000_000L << 12, first, "epoch milliseconds shifted left by 12 bits");

        clock.addAndGet(1);
        DatumVersions afterRestart = new DatumVersions(clock::get);
        assertTrue(afterRestart.next() > second, "a restarted node starts above its last version");
    }

    @Test
    @DisplayName("RCP-12: every change of a datum gets a higher version, and listeners hear of it")
    void localDataVersions() {
        AtomicLong clock = new AtomicLong(1_700_000_000_000L);
        LocalSessionData data = new LocalSessionData(new DatumVersions(clock::get));
        DataInfoId id = new DataInfoId("svc", null, "SOFA");
        List<Long> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        data.listen((changed, version) -> heard.add(version));

        long empty = data.datum(id).version();
        data.putPublication(id, new Publication("p1", "c1", "Z", List.of("a"), 1));
        data.putPublication(id, new Publication("p2", "c2", "Z", List.of("b"), 1));
        data.removeConnection("c1");

        assertEquals(3, heard.size());
        assertTrue(empty < heard.get(0) && heard.get(0) < heard.get(1) && heard.get(1) < heard.get(2));
        assertEquals(heard.get(2), data.datum(id).version());
        assertEquals(List.of("b"), data.datum(id).dataByZone().get("Z"));
        assertEquals("svc#@#DEFAULT_INSTANCE_ID#@#SOFA", id.toString());
    }

    @Test
    @DisplayName("RCP-19: persistent data takes only rising versions; removal is a higher empty version")
    void persistentVersions() {
        LocalPersistentData store = new LocalPersistentData();
        List<PersistentDatum> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        store.listen(heard::add);

        assertTrue(store.put("svc", "SOFA.CONFIG", null, 10, "override://a"));
        assertTrue(!store.put("svc", "SOFA.CONFIG", null, 10, "override://b"));
        assertTrue(store.remove("svc", "SOFA.CONFIG", null));

        assertEquals(2, heard.size());
        assertEquals(new PersistentDatum(new DataInfoId("svc", null, "SOFA.CONFIG"), null, 11), heard.get(1));
    }
}
