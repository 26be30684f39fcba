package io.weft.auth.osp.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReplayCacheTest {

    @Test
    @DisplayName("A signature is new once, then seen until it expires")
    void seenUntilExpiry() {
        ReplayCache cache = new ReplayCache(10);
        assertTrue(cache.firstUse("AK1", "sig", 1_000, 0));
        assertFalse(cache.firstUse("AK1", "sig", 1_000, 999));
        assertTrue(cache.firstUse("AK2", "sig", 1_000, 999), "another key's signature is its own");
        assertTrue(cache.firstUse("AK1", "sig", 2_000, 1_000), "expired entries are forgotten");
    }

    @Test
    @DisplayName("The cache never holds more than its capacity")
    void bounded() {
        ReplayCache cache = new ReplayCache(3);
        for (int i = 0; i < 10; i++) {
            cache.firstUse("AK", "sig" + i, 1_000_000, 0);
        }
        assertEquals(3, cache.size());
        cache.setCapacity(1);
        assertEquals(1, cache.size());
        assertThrows(IllegalArgumentException.class, () -> cache.setCapacity(0));
    }
}
