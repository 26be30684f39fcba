package io.weft.registry.meta.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ViewChangeTest {

    private static final PersistentKey KEY = new PersistentKey("svc", "SOFA.CONFIG", "DEFAULT_INSTANCE_ID");

    private final MetaModel model = new MetaModel(new SlotAssigner(16, 2));

    @Test
    @DisplayName("REG-50, REG-51: what a view shows changes with a new server, the slot table, the push switch and the"
            + " persistent data; a renewal of a listed server changes nothing")
    void whatAViewShows() {
        assertEquals("session servers", change(() -> model.register(NodeRole.SESSION, "s1", "dc1", 1)));
        assertNull(change(() -> model.register(NodeRole.SESSION, "s1", "dc1", 2)), "a renewal");
        assertEquals("data servers, slot table", change(() -> model.register(NodeRole.DATA, "d1", "dc1", 1)));
        assertNull(change(() -> model.register(NodeRole.DATA, "d1", "dc1", 2)), "a renewal");
        assertEquals("push switch", change(() -> model.setPushSwitch(PushSwitch.CLOSED)));
        assertNull(change(() -> model.setPushSwitch(PushSwitch.CLOSED)), "closed again");
        assertEquals("persistent data", change(() -> model.putPersistentData(KEY, new PersistentDatum(1, "x"))));
        assertNull(change(() -> model.putPersistentData(KEY, new PersistentDatum(1, "y"))), "refused: same version");
        assertEquals("persistent data", change(() -> model.removePersistentData(KEY)));
        assertEquals("session servers", change(() -> model.evict(NodeRole.SESSION, List.of("s1"), 10)));
    }

    private String change(Runnable command) {
        MetaState before = model.state();
        command.run();
        return ViewChange.between(before, model.state());
    }
}
