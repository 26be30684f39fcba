package io.weft.registry.meta.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SlotAssignerTest {

    private final SlotAssigner assigner = new SlotAssigner(256, 2);

    @Test
    @DisplayName("REG-4: 256 slots over 3 data servers: leader counts differ by at most one, each slot has one other replica")
    void balanced() {
        SlotTable table = assigner.assign(assigner.empty(), List.of("10.0.0.3", "10.0.0.1", "10.0.0.2"));
        assertEquals(1, table.epoch());
        assertEquals(256, table.slots().size());
        for (String s : List.of("10.0.0.1", "10.0.0.2", "10.0.0.3")) {
            assertTrue(table.leaderCount(s) == 85 || table.leaderCount(s) == 86, s + " leads " + table.leaderCount(s));
            assertTrue(table.followerCount(s) >= 80 && table.followerCount(s) <= 90,
                    s + " follows " + table.followerCount(s));
        }
        for (Slot slot : table.slots()) {
            assertEquals(1, slot.followers().size());
            assertFalse(slot.followers().contains(slot.leader()));
        }
    }

    @Test
    @DisplayName("REG-4: the table depends only on the server list, not on its order")
    void deterministic() {
        SlotTable a = assigner.assign(assigner.empty(), List.of("a", "b", "c", "d"));
        SlotTable b = assigner.assign(assigner.empty(), List.of("d", "c", "b", "a"));
        assertEquals(a, b);
        assertSame(a, assigner.assign(a, List.of("b", "a", "c", "d")), "same servers: same table, same epoch");
    }

    @Test
    @DisplayName("REG-33: adding a data server moves only the slots it takes over, and balance is kept")
    void minimalMovementOnAdd() {
        SlotTable before = assigner.assign(assigner.empty(), List.of("a", "b", "c"));
        SlotTable after = assigner.assign(before, List.of("a", "b", "c", "d"));
        assertEquals(before.epoch() + 1, after.epoch());
        int moved = 0;
        for (int i = 0; i < 256; i++) {
            String was = before.slots().get(i).leader();
            String is = after.slots().get(i).leader();
            if (!was.equals(is)) {
                moved++;
                assertEquals("d", is, "slot " + i + " moved to an old server");
            }
        }
        assertEquals(64, moved);
        for (String s : List.of("a", "b", "c", "d")) {
            assertEquals(64, after.leaderCount(s));
        }
    }

    @Test
    @DisplayName("REG-32: removing a data server moves only its own slots, spread over the others")
    void minimalMovementOnRemove() {
        SlotTable before = assigner.assign(assigner.empty(), List.of("a", "b", "c", "d"));
        SlotTable after = assigner.assign(before, List.of("a", "b", "d"));
        for (int i = 0; i < 256; i++) {
            String was = before.slots().get(i).leader();
            if (!was.equals("c")) {
                assertEquals(was, after.slots().get(i).leader(), "slot " + i + " moved needlessly");
            }
            assertFalse(after.slots().get(i).followers().contains("c"));
        }
        for (String s : List.of("a", "b", "d")) {
            assertTrue(after.leaderCount(s) == 85 || after.leaderCount(s) == 86, s + " leads " + after.leaderCount(s));
        }
    }

    @Test
    @DisplayName("REG-4: a single data server leads every slot with no replica; none leaves slots unassigned")
    void edgeCases() {
        SlotTable one = assigner.assign(assigner.empty(), List.of("a"));
        assertEquals(256, one.leaderCount("a"));
        assertTrue(one.slots().stream().allMatch(s -> s.followers().isEmpty()));
        SlotTable none = assigner.assign(one, List.of());
        assertTrue(none.slots().stream().allMatch(s -> s.leader() == null));
        assertNull(none.slots().get(0).leader());
    }
}
