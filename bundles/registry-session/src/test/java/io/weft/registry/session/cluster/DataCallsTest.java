package io.weft.registry.session.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.registry.protocol.DataReply;
import io.weft.registry.protocol.DatumChanged;
import io.weft.registry.protocol.DatumView;
import io.weft.registry.protocol.SessionLeaseRenew;
import io.weft.registry.protocol.inprocess.InProcessDataPort;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** How the session's data calls choose between its node's data server in-process and Bolt (decision record 0025). */
class DataCallsTest {

    private static final String LOCAL = "127.0.0.1:9620";
    private static final String OTHER = "127.0.0.2:9620";

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<String> wireCalls = new CopyOnWriteArrayList<>();
    private final AsyncCalls wire = new AsyncCalls() {
        @Override
        public <R> void callAsync(String address, Object request, Class<R> replyType, int timeoutMillis,
                BiConsumer<R, CallFailedException> done) {
            wireCalls.add(address);
        }
    };
    private final List<DatumChanged> notices = new CopyOnWriteArrayList<>();
    private final DataCalls calls = new DataCalls(wire, timer, "session test", notices::add);

    @AfterEach
    void stop() {
        calls.close();
        timer.shutdownNow();
    }

    /** A data server's port that answers each call with what the test completes. */
    private static final class Port implements InProcessDataPort {
        final List<CompletableFuture<Object>> calls = new CopyOnWriteArrayList<>();
        final List<Consumer<DatumChanged>> attached = new CopyOnWriteArrayList<>();

        @Override
        public String address() {
            return LOCAL;
        }

        @Override
        public CompletionStage<Object> call(Object request) {
            CompletableFuture<Object> reply = new CompletableFuture<>();
            calls.add(reply);
            return reply;
        }

        @Override
        public Attachment attach(String name, Consumer<DatumChanged> notices) {
            attached.add(notices);
            return () -> attached.remove(notices);
        }
    }

    /** The reply or the failure a call reported, once. */
    private static final class Outcome<R> {
        final CompletableFuture<Object> reported = new CompletableFuture<>();
        final List<Object> reports = new ArrayList<>();

        synchronized void report(R reply, CallFailedException failure) {
            reports.add(failure == null ? reply : failure);
            reported.complete(failure == null ? reply : failure);
        }

        Object await() throws Exception {
            return reported.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    @DisplayName("Decision 0025: a call to the node's own data server is answered in-process with its reply; a call to"
            + " any other goes over Bolt")
    void ownDataServerInProcessOthersOverBolt() throws Exception {
        Port port = new Port();
        calls.use(port);
        Outcome<DataReply> outcome = new Outcome<>();
        calls.callAsync(LOCAL, new SessionLeaseRenew(), DataReply.class, 5000, outcome::report);
        calls.callAsync(OTHER, new SessionLeaseRenew(), DataReply.class, 5000, (reply, failure) -> { });

        DataReply reply = new DataReply();
        reply.setSuccess(true);
        port.calls.get(0).complete(reply);
        assertSame(reply, outcome.await());
        assertEquals(List.of(OTHER), wireCalls);
        assertEquals(1, port.calls.size());
    }

    @Test
    @DisplayName("Decision 0025: an in-process call the data server never answers (it stopped with the call queued)"
            + " fails after the timeout, once, as a Bolt call would")
    void unansweredCallTimesOut() throws Exception {
        Port port = new Port();
        calls.use(port);
        Outcome<DataReply> outcome = new Outcome<>();
        calls.callAsync(LOCAL, new SessionLeaseRenew(), DataReply.class, 100, outcome::report);

        Object failure = outcome.await();
        assertTrue(failure instanceof CallFailedException, String.valueOf(failure));
        assertTrue(((Exception) failure).getMessage().contains("not answered within 100 ms"),
                ((Exception) failure).getMessage());
        port.calls.get(0).complete(new DataReply());
        assertEquals(1, outcome.reports.size(), "a late reply is not reported");
    }

    @Test
    @DisplayName("Decision 0025: an in-process call the data server could not take, or answered with the wrong reply,"
            + " fails with the reason")
    void failuresAreReported() throws Exception {
        Port port = new Port();
        calls.use(port);
        Outcome<DataReply> refused = new Outcome<>();
        calls.callAsync(LOCAL, new SessionLeaseRenew(), DataReply.class, 5000, refused::report);
        port.calls.get(0).completeExceptionally(new IllegalStateException("the data server of this node is not"
                + " running"));
        Object failure = refused.await();
        assertTrue(failure instanceof CallFailedException);
        assertTrue(((Exception) failure).getMessage().contains("not running"), ((Exception) failure).getMessage());

        Outcome<DataReply> wrong = new Outcome<>();
        calls.callAsync(LOCAL, new SessionLeaseRenew(), DataReply.class, 5000, wrong::report);
        port.calls.get(1).complete(new DatumView());
        failure = wrong.await();
        assertTrue(((Exception) failure).getMessage().contains("answered with a " + DatumView.class.getName()),
                ((Exception) failure).getMessage());
    }

    @Test
    @DisplayName("Decision 0025: the session takes change notices from the port it uses, and from none after it"
            + " stops using it")
    void attachedWhileUsed() {
        Port first = new Port();
        Port second = new Port();
        calls.use(first);
        assertEquals(1, first.attached.size());
        DatumChanged notice = new DatumChanged();
        first.attached.get(0).accept(notice);
        assertSame(notice, notices.get(0));

        calls.use(second);
        assertEquals(0, first.attached.size(), "detached from the port it no longer uses");
        assertEquals(1, second.attached.size());

        calls.use(null);
        assertEquals(0, second.attached.size());
        calls.callAsync(LOCAL, new SessionLeaseRenew(), DataReply.class, 5000, (reply, failure) -> { });
        assertEquals(List.of(LOCAL), wireCalls, "without a port, over Bolt");
    }
}
