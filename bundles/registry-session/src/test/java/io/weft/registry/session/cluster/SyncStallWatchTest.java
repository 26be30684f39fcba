package io.weft.registry.session.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The watch over the data-sync thread, on a clock the test moves. */
class SyncStallWatchTest {

    private static final long STALL_MILLIS = 10_000;

    private final ExecutorService syncThread = Executors.newSingleThreadExecutor();
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong lastProgress = new AtomicLong(nanos.get());
    private final AtomicInteger described = new AtomicInteger();
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final Logger log = (Logger) LoggerFactory.getLogger("registry.session");
    private final SyncStallWatch watch = new SyncStallWatch(syncThread, pending::get, lastProgress::get,
            described::incrementAndGet, nanos::get, STALL_MILLIS);

    @BeforeEach
    void capture() {
        lines.start();
        log.addAppender(lines);
    }

    @AfterEach
    void release() {
        log.detachAppender(lines);
        syncThread.shutdownNow();
    }

    @Test
    @DisplayName("REG-36: a data-sync thread blocked in a task is reported once, with where it is blocked")
    void blockedThreadReportedWithItsStack() throws Exception {
        watch.check();
        awaitIdle();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        syncThread.execute(() -> blockedInATask(entered, release));
        try {
            assertTrue(entered.await(5, TimeUnit.SECONDS));
            watch.check();
            advance(STALL_MILLIS + 1);
            watch.check();
            watch.check();

            List<String> warnings = warnings();
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).contains("has not come to a check queued")
                    && warnings.get(0).contains("blockedInATask"), warnings.get(0));
        } finally {
            release.countDown();
        }
    }

    @Test
    @DisplayName("REG-36: publications waiting with no call sent or answered for the stall time get the sync's own"
            + " account once a stall, on the sync thread")
    void idleSyncDescribedOnceAStall() throws Exception {
        pending.set(3);
        checkAndSettle();
        advance(STALL_MILLIS + 1);
        checkAndSettle();
        checkAndSettle();
        assertEquals(1, described.get(), "once a stall");

        lastProgress.set(nanos.get());
        checkAndSettle();
        advance(STALL_MILLIS + 1);
        checkAndSettle();
        assertEquals(2, described.get(), "and again in the next stall");

        pending.set(0);
        lastProgress.set(0);
        checkAndSettle();
        assertEquals(2, described.get(), "nothing waits: nothing to say");
        assertTrue(warnings().isEmpty(), warnings().toString());
    }

    /** A check, and the sync thread left to run what it queued (the thread is not blocked in this test). */
    private void checkAndSettle() throws Exception {
        watch.check();
        awaitIdle();
    }

    private static void blockedInATask(CountDownLatch entered, CountDownLatch release) {
        entered.countDown();
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void advance(long millis) {
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    /** Waits until every task queued on the sync thread so far has run. */
    private void awaitIdle() throws Exception {
        syncThread.submit(() -> { }).get(5, TimeUnit.SECONDS);
    }

    private List<String> warnings() {
        return lines.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(line -> line.contains("data-sync thread")).toList();
    }
}
