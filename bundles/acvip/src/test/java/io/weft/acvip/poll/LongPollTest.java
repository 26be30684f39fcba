package io.weft.acvip.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.weft.acvip.Fakes;
import io.weft.acvip.book.AddressBook;
import io.weft.acvip.domain.DomainResolver;
import io.weft.api.acvip.ServiceAddress;
import io.weft.testing.MutableClock;

class LongPollTest {

    private final Fakes.Directory directory = new Fakes.Directory();
    private final Fakes.ManualTimer timer = new Fakes.ManualTimer();
    private final PollHub[] hubRef = new PollHub[1];
    private final AddressBook book = new AddressBook(new MutableClock(), Duration.ofSeconds(10),
            services -> hubRef[0].changed(services));
    private final DomainResolver resolver = new DomainResolver(() -> directory, book);
    private final PollHub hub = new PollHub(resolver::answer, timer, Duration.ofSeconds(30), 2);
    private final List<PollReply> replies = new ArrayList<>();

    LongPollTest() {
        hubRef[0] = hub;
    }

    private Map<String, String> holding(String domain) {
        return Map.of(domain, resolver.resolve(domain).checksum());
    }

    @Test
    @DisplayName("ACVIP long-polling: a poll of unchanged domains waits and is answered when one changes")
    void completesOnChange() {
        hub.submit(holding("default-DRM"), true, replies::add);
        assertTrue(replies.isEmpty());
        assertEquals(1, hub.waitingCount());

        book.putLocal(new ServiceAddress("DRM", "10.0.0.9", 9880, "dc1", ""));

        assertEquals(1, replies.size());
        PollReply reply = replies.get(0);
        assertTrue(reply.polled());
        assertEquals("10.0.0.9", reply.answer().changed().get(0).addresses().get(0).host());
        assertEquals(0, hub.waitingCount());
        assertEquals(0, timer.pending(), "its timeout is cancelled");
    }

    @Test
    @DisplayName("ACVIP long-polling: a change of another product leaves the poll waiting")
    void otherServiceIgnored() {
        hub.submit(holding("default-DRM"), true, replies::add);
        book.putLocal(new ServiceAddress("SCHEDULER", "10.0.0.9", 9001, "dc1", ""));
        assertTrue(replies.isEmpty());
    }

    @Test
    @DisplayName("ACVIP long-polling: a poll is bounded: at the maximum wait it is answered 'not modified'")
    void timesOut() {
        hub.submit(holding("default-DRM"), true, replies::add);
        timer.fireAll();
        assertEquals(1, replies.size());
        assertEquals(List.of("default-DRM"), replies.get(0).answer().notModified());
        assertTrue(replies.get(0).polled());
        assertEquals(0, hub.waitingCount());
    }

    @Test
    @DisplayName("ACVIP long-polling: news answers at once; without allowPolling nothing waits")
    void noWait() {
        hub.submit(Map.of("default-DRM", "N"), true, replies::add);
        hub.submit(holding("default-DRM"), false, replies::add);
        assertEquals(2, replies.size());
        assertFalse(replies.get(0).polled());
        assertEquals(List.of("default-DRM"), replies.get(1).answer().notModified());
        assertEquals(0, hub.waitingCount());
    }

    @Test
    @DisplayName("ACVIP long-polling: beyond the limit of waiting polls a poll is answered at once, not accepted")
    void limit() {
        hub.submit(holding("default-DRM"), true, replies::add);
        hub.submit(holding("default-DRM"), true, replies::add);
        hub.submit(holding("default-DRM"), true, replies::add);
        assertEquals(1, replies.size());
        assertFalse(replies.get(0).accepted());
        assertEquals(2, hub.waitingCount());
    }

    @Test
    @DisplayName("ACVIP long-polling: closing the hub answers every waiting poll; a forgotten poll is not answered")
    void closeAndForget() {
        Runnable forget = hub.submit(holding("default-DRM"), true, replies::add);
        hub.submit(holding("default-SOFAKAFKA"), true, replies::add);
        forget.run();
        hub.close();
        assertEquals(1, replies.size());
        assertEquals(List.of("default-SOFAKAFKA"), replies.get(0).answer().notModified());
    }
}
