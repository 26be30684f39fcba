package io.weft.registry.data.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.registry.protocol.DataReply;
import io.weft.registry.protocol.DatumChanged;
import io.weft.registry.protocol.PublishRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The in-process session port's own rules (decision record 0025), with handlers the test writes. */
class InProcessSessionsTest {

    private final InProcessSessions port = new InProcessSessions();

    private static List<SessionHandlers.Handler<?>> failing() {
        return List.of(new SessionHandlers.Handler<>(PublishRequest.class, request -> {
            throw new IllegalStateException("store broken");
        }, DataReply::refused));
    }

    private static Object await(CompletableFuture<Object> call) throws Exception {
        return call.get(10, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("Decision 0025: a handler that throws answers with a refused reply giving the reason, as the Bolt"
            + " port does, and the port keeps serving")
    void handlerFailureIsARefusal() throws Exception {
        port.serve("127.0.0.1:9620", failing(), Runnable::run);

        DataReply reply = (DataReply) await(port.call(new PublishRequest()).toCompletableFuture());
        assertFalse(reply.isSuccess());
        assertTrue(reply.getMessage().contains("PublishRequest failed on this data server")
                && reply.getMessage().contains("store broken"), reply.getMessage());
        assertEquals("127.0.0.1:9620", port.address());
    }

    @Test
    @DisplayName("Decision 0025: a request the workers cannot take (their queue is full) fails at once")
    void fullQueueFails() {
        port.serve("127.0.0.1:9620", failing(), task -> {
            throw new RejectedExecutionException("queue full");
        });

        ExecutionException e = assertThrows(ExecutionException.class,
                () -> await(port.call(new PublishRequest()).toCompletableFuture()));
        assertTrue(e.getCause().getMessage().contains("queue full"), e.getCause().getMessage());
    }

    @Test
    @DisplayName("Decision 0025: a stopping server does not take away the port from the server that replaced it")
    void stopOfAnOldServerKeepsTheNewOne() {
        InProcessSessions.Serving old = port.serve("127.0.0.1:9620", failing(), Runnable::run);
        InProcessSessions.Serving next = port.serve("127.0.0.1:9720", failing(), Runnable::run);

        port.stopServing(old);
        assertEquals("127.0.0.1:9720", port.address());
        port.stopServing(next);
        assertNull(port.address());
    }

    @Test
    @DisplayName("Decision 0025: each attached session is a notice connection of its own until it detaches")
    void attachedSessionsAreNoticeConnections() throws Exception {
        List<DatumChanged> first = new ArrayList<>();
        List<DatumChanged> second = new ArrayList<>();
        var a = port.attach("a", first::add);
        port.attach("b", second::add);
        List<String> ids = port.connectionIds();
        assertEquals(2, ids.size());
        assertTrue(ids.stream().allMatch(id -> id.startsWith(InProcessSessions.ID_PREFIX)), ids.toString());

        String idOfA = ids.stream().filter(id -> id.endsWith(" a")).findFirst().orElseThrow();
        DatumChanged notice = new DatumChanged();
        DatumChanged another = new DatumChanged();
        port.send(idOfA, List.of(notice, another));
        assertEquals(List.of(notice, another), first);
        assertEquals(List.of(), second);

        a.close();
        assertFalse(port.isOpen(idOfA));
        assertThrows(IllegalStateException.class, () -> port.send(idOfA, List.of(notice)));
        assertEquals(1, port.size());
    }
}
