package io.weft.codec.bolt.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LogThrottleTest {

    private static final String LOGGER = "test.log-throttle";

    @Test
    @DisplayName("OPS-22: one ERROR line per key and interval; the next one says how many were left out")
    void oneLinePerKeyAndInterval() {
        AtomicLong clock = new AtomicLong(50_000);
        try (LogCapture log = new LogCapture(LOGGER)) {
            LogThrottle throttle = new LogThrottle(LoggerFactory.getLogger(LOGGER), 10_000, clock::get);

            for (int i = 0; i < 5; i++) {
                throttle.error("rate 10.0.0.1", "refused {}", "10.0.0.1");
            }
            throttle.error("rate 10.0.0.2", "refused {}", "10.0.0.2");
            clock.addAndGet(9_999);
            throttle.error("rate 10.0.0.1", "refused {}", "10.0.0.1");
            clock.addAndGet(1);
            throttle.error("rate 10.0.0.1", "refused {}", "10.0.0.1");
            clock.addAndGet(60_000);
            throttle.error("rate 10.0.0.2", "refused {}", "10.0.0.2");

            assertEquals(List.of("refused 10.0.0.1", "refused 10.0.0.2",
                    "refused 10.0.0.1 (5 more like this since the previous line)", "refused 10.0.0.2"), log.errors());
        }
    }

    @Test
    @DisplayName("OPS-22: WARN lines are throttled the same way, at WARN")
    void warnings() {
        AtomicLong clock = new AtomicLong(50_000);
        try (LogCapture log = new LogCapture(LOGGER)) {
            LogThrottle throttle = new LogThrottle(LoggerFactory.getLogger(LOGGER), 10_000, clock::get);

            for (int i = 0; i < 3; i++) {
                throttle.warn("retry 10.0.0.1", "retrying {} on {}", "d" + i, "10.0.0.1");
            }
            clock.addAndGet(10_000);
            throttle.warn("retry 10.0.0.1", "retrying {} on {}", "d3", "10.0.0.1");

            assertEquals(List.of("retrying d0 on 10.0.0.1",
                    "retrying d3 on 10.0.0.1 (2 more like this since the previous line)"), log.warnings());
            assertEquals(List.of(), log.errors());
        }
    }

    @Test
    @DisplayName("OPS-22: keys quiet for two intervals are forgotten, so a flood from many addresses holds no memory")
    void quietKeysForgotten() {
        AtomicLong clock = new AtomicLong(0);
        try (LogCapture log = new LogCapture(LOGGER)) {
            LogThrottle throttle = new LogThrottle(LoggerFactory.getLogger(LOGGER), 10_000, clock::get);
            throttle.error("rate 10.0.0.1", "refused {}", "10.0.0.1");
            throttle.error("rate 10.0.0.1", "refused {}", "10.0.0.1");

            clock.addAndGet(20_000);
            throttle.error("rate 10.0.0.9", "refused {}", "10.0.0.9");
            clock.addAndGet(1);
            throttle.error("rate 10.0.0.1", "refused {}", "10.0.0.1");

            assertEquals(List.of("refused 10.0.0.1", "refused 10.0.0.9", "refused 10.0.0.1"), log.errors(),
                    "the quiet key's left-out line went with it");
        }
    }
}
