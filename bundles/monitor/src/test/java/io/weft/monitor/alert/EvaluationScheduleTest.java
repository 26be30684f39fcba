package io.weft.monitor.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EvaluationScheduleTest {

    private final BlockingQueue<String> runs = new LinkedBlockingQueue<>();
    private final EvaluationSchedule schedule =
            new EvaluationSchedule(() -> runs.add(Thread.currentThread().getName()), "weft-monitor-alerts");

    @AfterEach
    void close() {
        schedule.close();
    }

    @Test
    @DisplayName("OPS-18/OPS-19: rules are evaluated at once on start, on the monitor's own thread")
    void runsAtOnceOnItsThread() throws InterruptedException {
        schedule.schedule(3600);

        assertEquals("weft-monitor-alerts", runs.poll(5, TimeUnit.SECONDS));
        assertEquals(3600, schedule.intervalSeconds());
    }

    @Test
    @DisplayName("OPS-18/OPS-19: a configuration change re-evaluates at once, with the same or a new interval")
    void rescheduleRunsAtOnce() throws InterruptedException {
        schedule.schedule(3600);
        assertTrue(runs.poll(5, TimeUnit.SECONDS) != null);

        schedule.schedule(3600);
        assertTrue(runs.poll(5, TimeUnit.SECONDS) != null, "same interval: one immediate run");

        schedule.schedule(7200);
        assertTrue(runs.poll(5, TimeUnit.SECONDS) != null, "new interval: rescheduled from now");
        assertEquals(7200, schedule.intervalSeconds());
    }

    @Test
    @DisplayName("OPS-18/OPS-19: a failing evaluation does not stop the next ones")
    void failureDoesNotStopSchedule() throws InterruptedException {
        BlockingQueue<Integer> calls = new LinkedBlockingQueue<>();
        try (EvaluationSchedule failing = new EvaluationSchedule(() -> {
            calls.add(1);
            throw new IllegalStateException("probe broke");
        }, "failing")) {
            failing.schedule(1);
            assertTrue(calls.poll(5, TimeUnit.SECONDS) != null);
            assertTrue(calls.poll(5, TimeUnit.SECONDS) != null, "ran again after throwing");
        }
    }

    @Test
    @DisplayName("OPS-18/OPS-19: closing stops the evaluation thread")
    void closeStopsThread() {
        schedule.schedule(1);
        schedule.close();

        assertTrue(schedule.isTerminated());
        assertThrows(IllegalStateException.class, () -> schedule.schedule(1));
    }
}
