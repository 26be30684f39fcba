package io.weft.console.registry.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.weft.testing.MutableClock;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FeedPollerTest {

    private static final String SNAPSHOT = """
            {"format":1,"session":"127.0.0.1:9600",
             "publishers":[{"dataInfoId":"com.example.Echo:1.0@DEFAULT#@#DEFAULT_INSTANCE_ID#@#SOFA",
               "dataId":"com.example.Echo:1.0@DEFAULT","instanceId":"DEFAULT_INSTANCE_ID","group":"SOFA",
               "registId":"r1","client":"10.0.0.5:40001","appName":"echo-app","zone":"GZ00A",
               "data":["bolt://10.0.0.5:12200?weight=100"]}],
             "subscribers":[]}
            """;
    private static final long PERIOD_MILLIS = 5_000;

    private final AtomicInteger reads = new AtomicInteger();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T12:00:00Z"));
    private volatile CountDownLatch answer = new CountDownLatch(0);
    private HttpServer session;
    private FeedPoller poller;

    @BeforeEach
    void start() throws IOException {
        session = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        session.createContext(FeedClient.SNAPSHOT_PATH, exchange -> {
            reads.incrementAndGet();
            try {
                answer.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = SNAPSHOT.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        session.start();
    }

    @AfterEach
    void stop() {
        if (poller != null) {
            poller.close();
        }
        session.stop(0);
    }

    private FeedPoller poller(long waitMillis) {
        String feed = "127.0.0.1:" + session.getAddress().getPort();
        poller = new FeedPoller(new FeedClient(new HttpCalls(Duration.ofSeconds(5)), 1 << 20),
                new FeedPoller.Settings(List.of(feed), List.of(), 9601, PERIOD_MILLIS, waitMillis), clock);
        poller.start();
        return poller;
    }

    @Test
    @DisplayName("CON-7: an unwatched console reads no session feed; the first page reads it and shows its services")
    void readsOnlyWhenThePageAsks() throws Exception {
        FeedPoller feed = poller(5_000);
        Thread.sleep(300);
        assertEquals(0, reads.get(), "a feed read while nobody asked for the page");

        RegistryView view = feed.view();

        assertEquals(1, reads.get());
        assertEquals(List.of("com.example.Echo:1.0@DEFAULT#@#DEFAULT_INSTANCE_ID#@#SOFA"),
                view.services().stream().map(Service::dataInfoId).toList());
        assertEquals(clock.instant(), view.takenAt());
    }

    @Test
    @DisplayName("CON-7: pages within the poll period are answered from memory; a later page reads the feeds again")
    void readsAgainOnlyAfterThePeriod() throws Exception {
        FeedPoller feed = poller(5_000);
        feed.view();
        clock.advanceMillis(PERIOD_MILLIS - 1);

        feed.view();
        feed.view();
        assertEquals(1, reads.get());

        clock.advanceMillis(1);
        RegistryView later = feed.view();
        assertEquals(2, reads.get());
        assertEquals(clock.instant(), later.takenAt());
    }

    @Test
    @DisplayName("CON-7: a session slower than the page's wait: the page shows the last view, and pages share one read")
    void slowReadShowsTheLastView() throws Exception {
        FeedPoller feed = poller(200);
        answer = new CountDownLatch(1);

        RegistryView first = feed.view();
        RegistryView second = feed.view();

        assertNull(first.takenAt(), "nothing was read yet");
        assertTrue(second.services().isEmpty());
        assertEquals(1, reads.get(), "two pages started two reads of the same session");
        answer.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (feed.view().takenAt() == null && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(1, feed.view().services().size());
        assertEquals(1, reads.get());
    }
}
