package io.weft.registry.meta.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MetaModelTest {

    private static final PersistentKey KEY =
            new PersistentKey("com.example.Service:1.0@DEFAULT", "SOFA.CONFIG", "DEFAULT_INSTANCE_ID");

    private final MetaModel model = new MetaModel(new SlotAssigner(16, 2));

    @Test
    @DisplayName("RCP-20: a persistent datum with a version not higher than the stored one is refused with a clear message")
    void persistentVersionRule() {
        assertTrue(model.putPersistentData(KEY, new PersistentDatum(5, "override://a")).success());
        CommandResult same = model.putPersistentData(KEY, new PersistentDatum(5, "override://b"));
        assertFalse(same.success());
        assertEquals("persistent data com.example.Service:1.0@DEFAULT#SOFA.CONFIG#DEFAULT_INSTANCE_ID refused: "
                + "version 5 is not higher than the stored version 5", same.message());
        assertFalse(model.putPersistentData(KEY, new PersistentDatum(4, "override://c")).success());
        assertEquals("override://a", model.state().persistentData().get(KEY).data());
        assertTrue(model.putPersistentData(KEY, new PersistentDatum(6, "override://d")).success());
        assertEquals(new PersistentDatum(6, "override://d"), model.state().persistentData().get(KEY));
    }

    @Test
    @DisplayName("RCP-20: persistentData/remove deletes the datum; removing a missing one is refused")
    void removePersistent() {
        model.putPersistentData(KEY, new PersistentDatum(1, "x"));
        assertTrue(model.removePersistentData(KEY).success());
        assertTrue(model.state().persistentData().isEmpty());
        assertFalse(model.removePersistentData(KEY).success());
    }

    @Test
    @DisplayName("REG-5: data servers get slots, session servers do not change the slot table")
    void slotTableFollowsDataServers() {
        model.register(NodeRole.SESSION, "10.0.0.9", "dc1", 1);
        assertEquals(0, model.state().slotTable().epoch());
        model.register(NodeRole.DATA, "10.0.0.1", "dc1", 1);
        model.register(NodeRole.DATA, "10.0.0.2", "dc1", 1);
        assertEquals(2, model.state().slotTable().epoch());
        assertEquals(8, model.state().slotTable().leaderCount("10.0.0.1"));
        model.register(NodeRole.DATA, "10.0.0.2", "dc1", 50);
        assertEquals(2, model.state().slotTable().epoch(), "a renewal does not rebuild the table");
        assertEquals(50, model.state().dataNodes().get("10.0.0.2").lastRenewalMillis());
    }

    @Test
    @DisplayName("REG-32: eviction removes only servers still older than the cutoff when it is applied")
    void evictionRechecksTheCutoff() {
        model.register(NodeRole.DATA, "a", "dc1", 100);
        model.register(NodeRole.DATA, "b", "dc1", 100);
        model.register(NodeRole.DATA, "b", "dc1", 300);
        CommandResult result = model.evict(NodeRole.DATA, List.of("a", "b"), 200);
        assertEquals("DATA nodes evicted: [a]", result.message());
        assertEquals(List.of("b"), List.copyOf(model.state().dataNodes().keySet()));
        assertEquals(16, model.state().slotTable().leaderCount("b"));
    }

    @Test
    @DisplayName("REG-61: push starts open and the switch closes and reopens it")
    void pushSwitch() {
        assertEquals(PushSwitch.OPEN, model.state().pushSwitch());
        MetaState before = model.state();
        model.setPushSwitch(PushSwitch.CLOSED);
        assertEquals(PushSwitch.CLOSED, model.state().pushSwitch());
        assertEquals(PushSwitch.OPEN, before.pushSwitch(), "a reader's snapshot never changes");
    }
}
