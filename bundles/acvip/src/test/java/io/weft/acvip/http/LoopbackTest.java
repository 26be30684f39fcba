package io.weft.acvip.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LoopbackTest {

    @Test
    @DisplayName("Loopback is 127.0.0.0/8 and ::1 by their literal text; anything else, names included, is not")
    void literalsOnly() {
        for (String a : new String[] {"127.0.0.1", "127.1.2.3", "::1", "0:0:0:0:0:0:0:1", "[::1]", "::ffff:127.0.0.1",
                "0:0:0:0:0:0:0:1%0"}) {
            assertTrue(Loopback.is(a), a);
        }
        for (String a : new String[] {null, "", "10.0.0.1", "localhost", "127.0.0.256", "127.0.0", "128.0.0.1",
                "::2", "127.0.0.1.evil", "::ffff:10.0.0.1"}) {
            assertFalse(Loopback.is(a), String.valueOf(a));
        }
    }
}
