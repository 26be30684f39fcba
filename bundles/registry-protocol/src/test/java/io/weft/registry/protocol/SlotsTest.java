package io.weft.registry.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SlotsTest {

    @Test
    @DisplayName("REG-29: the slot is CRC32 of the UTF-8 dataInfoId modulo the slot count, the same on every node")
    void stable() {
        // The CRC32 check value of "123456789" is 0xCBF43926 = 3421780262.
        assertEquals(3421780262L % 256, Slots.slotOf("123456789", 256));
        assertEquals(3421780262L % 1000, Slots.slotOf("123456789", 1000));
        // UTF-8, not the platform charset: "é" is 0xC3 0xA9, whose CRC32 is 235179326.
        assertEquals(235179326L % 256, Slots.slotOf("é", 256));
        String id = "com.example.Service#@#DEFAULT_INSTANCE_ID#@#SOFA";
        assertEquals(Slots.slotOf(id, 256), Slots.slotOf(new String(id.toCharArray()), 256));
    }

    @Test
    @DisplayName("REG-29: every slot id is within 0 .. slotCount-1 and the ids spread over the slots")
    void inRange() {
        for (int slotCount : new int[] {1, 2, 3, 16, 256, 1021}) {
            Set<Integer> seen = new HashSet<>();
            for (int i = 0; i < 20_000; i++) {
                int slot = Slots.slotOf("com.example.Service" + i + "#@#DEFAULT_INSTANCE_ID#@#SOFA", slotCount);
                assertTrue(slot >= 0 && slot < slotCount, slot + " of " + slotCount);
                seen.add(slot);
            }
            assertEquals(slotCount, seen.size(), "all of " + slotCount + " slots used");
        }
    }

    @Test
    @DisplayName("REG-29: a missing dataInfoId or a slot count below 1 is refused")
    void badInput() {
        assertThrows(IllegalArgumentException.class, () -> Slots.slotOf(null, 256));
        assertThrows(IllegalArgumentException.class, () -> Slots.slotOf("a", 0));
    }

    @Test
    @DisplayName("0021: the not-leader-of-slot refusal is recognisable by its start")
    void refusalMessage() {
        assertEquals("not leader of slot 7", ReplyMessages.notLeaderOfSlot(7));
        assertTrue(ReplyMessages.isNotLeaderOfSlot(ReplyMessages.notLeaderOfSlot(0)));
    }
}
