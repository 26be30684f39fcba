package io.weft.registry.data.replication;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The pauses of unreachable followers, on a clock the test moves. */
class FollowerPausesTest {

    private static final String GONE = "10.0.0.2:9621";
    private static final String OTHER = "10.0.0.3:9621";

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final FollowerPauses pauses = new FollowerPauses(now::get);

    @Test
    @DisplayName("REG-32: a follower whose call failed is not called during its pause; then one call tries it and the"
            + " others wait for that one; other followers are not affected")
    void oneTryAPause() {
        assertTrue(pauses.mayCall(GONE));
        assertTrue(pauses.mayCall(GONE), "calls go freely while nothing failed");
        pauses.failed(GONE);
        pauses.failed(GONE);

        assertFalse(pauses.mayCall(GONE), "paused");
        assertTrue(pauses.mayCall(OTHER));
        now.addAndGet(FollowerPauses.FIRST_PAUSE_MILLIS);
        assertTrue(pauses.mayCall(GONE), "the pause is over: this call tries it");
        assertFalse(pauses.mayCall(GONE), "the others wait for the try");
        assertFalse(pauses.mayCall(GONE));

        pauses.answered(GONE);

        assertTrue(pauses.mayCall(GONE));
        assertTrue(pauses.mayCall(GONE));
        assertFalse(pauses.paused(GONE));
    }

    @Test
    @DisplayName("REG-32: each failed try doubles the pause, up to its bound; failures of calls made before the pause"
            + " began do not lengthen it")
    void pausesGrowToTheirBound() {
        pauses.failed(GONE);
        long pause = FollowerPauses.FIRST_PAUSE_MILLIS;
        for (int i = 0; i < 10; i++) {
            now.addAndGet(pause - 1);
            assertFalse(pauses.mayCall(GONE), "still paused after " + (pause - 1) + " ms");
            now.addAndGet(1);
            assertTrue(pauses.mayCall(GONE), "tried after " + pause + " ms");
            pauses.failed(GONE);
            pause = Math.min(FollowerPauses.MAX_PAUSE_MILLIS, pause * 2);
        }
        assertTrue(pause == FollowerPauses.MAX_PAUSE_MILLIS);

        pauses.failed(GONE);
        now.addAndGet(FollowerPauses.MAX_PAUSE_MILLIS);
        assertTrue(pauses.mayCall(GONE), "a failure outside a try left the pause as it was");
    }
}
