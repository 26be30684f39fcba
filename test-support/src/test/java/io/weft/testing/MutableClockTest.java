package io.weft.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MutableClockTest {

    @Test
    @DisplayName("the clock stands still until the test moves it")
    void standsStill() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-07T12:00:00Z"));
        assertEquals(Instant.parse("2026-12-07T12:00:00Z"), clock.instant());
        assertEquals(clock.instant(), clock.instant());
        assertEquals(Instant.parse("2026-11-22T03:00:00Z"), new MutableClock().instant());
        assertEquals(1_700_000_000_000L, new MutableClock(1_700_000_000_000L).millis());
    }

    @Test
    @DisplayName("advancing moves instant() and millis() together")
    void advances() {
        MutableClock clock = new MutableClock(1_000_000);
        clock.advance(Duration.ofSeconds(2));
        clock.advanceMillis(5);
        assertEquals(1_002_005, clock.millis());
        assertEquals(Instant.ofEpochMilli(1_002_005), clock.instant());
    }

    @Test
    @DisplayName("UTC, and another zone gives the same clock")
    void zone() {
        MutableClock clock = new MutableClock();
        assertEquals(ZoneOffset.UTC, clock.getZone());
        assertSame(clock, clock.withZone(ZoneId.of("Asia/Shanghai")));
    }

    @Test
    @DisplayName("advances from several threads at once are all kept")
    void concurrentAdvances() throws InterruptedException {
        MutableClock clock = new MutableClock(0);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            threads.add(new Thread(() -> {
                for (int j = 0; j < 10_000; j++) {
                    clock.advanceMillis(1);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(40_000, clock.millis());
    }
}
