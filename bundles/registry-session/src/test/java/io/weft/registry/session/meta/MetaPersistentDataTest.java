package io.weft.registry.session.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.weft.registry.protocol.PersistentEntry;
import io.weft.registry.session.data.DataInfoId;
import io.weft.registry.session.data.PersistentDatum;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MetaPersistentDataTest {

    private static final DataInfoId ID = new DataInfoId("svc:1.0@DEFAULT", null, "SOFA.CONFIG");

    private final MetaPersistentData data = new MetaPersistentData();
    private final List<PersistentDatum> heard = new CopyOnWriteArrayList<>();

    MetaPersistentDataTest() {
        data.listen(heard::add);
    }

    private static PersistentEntry entry(long version, String value) {
        PersistentEntry entry = new PersistentEntry();
        entry.setDataId(ID.dataId());
        entry.setGroup(ID.group());
        entry.setInstanceId("DEFAULT_INSTANCE_ID");
        entry.setVersion(version);
        entry.setData(value);
        return entry;
    }

    @Test
    @DisplayName("RCP-20, REG-58: a higher version in a view reaches the listeners once; the same view again does not")
    void higherVersionsOnly() {
        data.apply(List.of(entry(5, "override://a")));
        data.apply(List.of(entry(5, "override://a")));
        data.apply(List.of(entry(4, "override://old")));

        assertEquals(List.of(new PersistentDatum(ID, "override://a", 5)), heard);
        assertEquals("override://a", data.get(ID).orElseThrow().data());
    }

    @Test
    @DisplayName("RCP-20: a value sent without data, or no longer sent, is removed for its watchers")
    void removals() {
        data.apply(List.of(entry(5, "override://a")));
        data.apply(List.of(entry(6, null)));
        assertNull(heard.get(1).data());

        data.apply(List.of(entry(7, "override://b")));
        data.apply(List.of());
        assertEquals(new PersistentDatum(ID, null, 8), heard.get(3));
        data.apply(List.of());
        assertEquals(4, heard.size(), "a removal is told once");
    }

    @Test
    @DisplayName("RCP-19, RCP-20: after a removal the meta forgot, the operator's next write (last version + 1, which the"
            + " meta accepts) reaches the watchers with a version above the removal's, and later writes keep rising")
    void writeAfterRemoval() {
        data.apply(List.of(entry(5, "override://a")));
        data.apply(List.of()); // removed on the meta: pushed empty at 6
        data.apply(List.of(entry(6, "override://b")));
        data.apply(List.of(entry(6, "override://b")));
        data.apply(List.of(entry(7, "override://c")));

        assertEquals(List.of(new PersistentDatum(ID, "override://a", 5), new PersistentDatum(ID, null, 6),
                new PersistentDatum(ID, "override://b", 7), new PersistentDatum(ID, "override://c", 8)), heard);
        assertEquals(new PersistentDatum(ID, "override://c", 8), data.get(ID).orElseThrow());
    }

    @Test
    @DisplayName("REG-48: in a cluster the session does not write the persistent data itself")
    void writesRefused() {
        assertFalse(data.put(ID.dataId(), ID.group(), null, 1, "override://x"));
        assertFalse(data.remove(ID.dataId(), ID.group(), null));
        assertEquals(List.of(), heard);
    }
}
