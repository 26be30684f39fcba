package io.weft.registry.protocol;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Which slot a datum lives in (REG-4, REG-29): CRC32 of the UTF-8 {@code dataInfoId}, modulo the slot count of
 * the slot table. Sessions and data servers compute it the same way, so both agree on the data server that leads
 * a datum. Stateless and thread-safe.
 */
public final class Slots {

    private Slots() {
    }

    /**
     * @param dataInfoId the datum's key, not null
     * @param slotCount  the number of slots in the slot table, at least 1
     * @return the slot id, {@code 0 .. slotCount - 1}
     * @throws IllegalArgumentException if {@code dataInfoId} is null or {@code slotCount} is below 1
     */
    public static int slotOf(String dataInfoId, int slotCount) {
        if (dataInfoId == null) {
            throw new IllegalArgumentException("dataInfoId is null");
        }
        if (slotCount < 1) {
            throw new IllegalArgumentException("slotCount must be at least 1, was " + slotCount);
        }
        CRC32 crc = new CRC32();
        crc.update(dataInfoId.getBytes(StandardCharsets.UTF_8));
        // CRC32 values are unsigned 32-bit numbers held in a long: never negative, so the remainder is a slot id.
        return (int) (crc.getValue() % slotCount);
    }
}
