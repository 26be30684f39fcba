package io.weft.registry.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ViewNoticeBeatTest {

    private final List<Runnable> queue = new ArrayList<>();
    private final AtomicInteger beats = new AtomicInteger();
    private final ViewNoticeBeat beat = new ViewNoticeBeat(queue::add, beats::incrementAndGet);

    @Test
    @DisplayName("0021: notices before the heartbeat starts are one heartbeat; a notice during it queues one more")
    void coalesces() {
        beat.noticed();
        beat.noticed();
        beat.noticed();
        assertEquals(1, queue.size(), "one heartbeat queued for three notices");

        Runnable first = queue.remove(0);
        first.run();
        assertEquals(1, beats.get());
        beat.noticed();
        assertEquals(1, queue.size(), "a notice after the heartbeat started queues the next");
    }

    @Test
    @DisplayName("0021: a notice while the node closes (executor refusing) is dropped, and the next one still queues")
    void closingExecutor() {
        AtomicInteger refused = new AtomicInteger();
        ViewNoticeBeat closing = new ViewNoticeBeat(task -> {
            if (refused.getAndIncrement() == 0) {
                throw new RejectedExecutionException("closed");
            }
            queue.add(task);
        }, beats::incrementAndGet);
        closing.noticed();
        closing.noticed();
        assertEquals(1, queue.size());
    }
}
