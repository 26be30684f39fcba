package io.weft.registry.session.connection;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ClientLimitsTest {

    @Test
    @DisplayName("ARCHITECTURE §5: a frame limit below the payload limit is refused with the reason")
    void frameHoldsPayload() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new ClientLimits(2048, 1024, 50, 100));

        assertTrue(refused.getMessage().contains("maxFrameBytes (1024) must be at least maxPayloadBytes (2048)"),
                refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ClientLimits(1024, 2048, 0, 100));
        assertThrows(IllegalArgumentException.class, () -> new ClientLimits(1024, 2048, 50, 0));
    }

    @Test
    @DisplayName("ARCHITECTURE §5: the default frame limit leaves room for a class name beside the largest payload")
    void defaults() {
        ClientLimits defaults = ClientLimits.defaults();

        assertTrue(defaults.maxFrameBytes() > defaults.maxPayloadBytes() + 1024);
    }
}
