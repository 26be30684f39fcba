package io.weft.registry.data.server;

import io.weft.registry.data.notify.NoticeChannel;
import io.weft.registry.data.transport.HandlerFailures;
import io.weft.registry.protocol.DatumChanged;
import io.weft.registry.protocol.inprocess.InProcessDataPort;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data server's session port for the session servers of its own node (decision record 0025): their requests
 * come as objects and are answered by the same {@link SessionHandlers} on the same workers as the Bolt port's, and
 * the change notices go to every attached session as they go to every connected one.
 *
 * <p>One per data node: it outlives the data servers the node runs one after the other (a reconfiguration
 * restarts the server), so an attached session stays attached, and it serves whichever server runs now; while
 * none runs, calls fail at once and {@link #address()} is null.
 *
 * <p>Thread-safe.
 */
public final class InProcessSessions implements InProcessDataPort, NoticeChannel {

    /** Starts the id of every attached session; a Bolt connection's id ({@code ip:port}) never does. */
    static final String ID_PREFIX = "in-process:";

    private static final Logger LOG = LoggerFactory.getLogger("registry.data");

    private final AtomicLong attachments = new AtomicLong();
    private final Map<String, Consumer<DatumChanged>> attached = new ConcurrentHashMap<>();
    private volatile Serving serving;

    /** The server being served: its address, its handlers by request class and its workers. */
    public static final class Serving {
        private final String address;
        private final Map<Class<?>, SessionHandlers.Handler<?>> handlers = new HashMap<>();
        private final Executor workers;

        private Serving(String address, List<SessionHandlers.Handler<?>> handlers, Executor workers) {
            this.address = address;
            handlers.forEach(handler -> this.handlers.put(handler.type(), handler));
            this.workers = workers;
        }
    }

    /** From now on calls go to this server. @return what {@link #stopServing} takes back */
    public Serving serve(String address, List<SessionHandlers.Handler<?>> handlers, Executor workers) {
        Serving next = new Serving(address, handlers, workers);
        serving = next;
        return next;
    }

    /** Calls fail from now on, unless another server is served already. */
    public void stopServing(Serving server) {
        if (serving == server) {
            serving = null;
        }
    }

    @Override
    public String address() {
        Serving s = serving;
        return s == null ? null : s.address;
    }

    /**
     * {@inheritDoc}
     *
     * <p>A request this server cannot take at all fails the returned stage before it is returned.
     */
    @Override
    public CompletionStage<Object> call(Object request) {
        CompletableFuture<Object> reply = new CompletableFuture<>();
        Serving s = serving;
        if (s == null) {
            reply.completeExceptionally(new IllegalStateException("the data server of this node is not running"));
            return reply;
        }
        SessionHandlers.Handler<?> handler = request == null ? null : s.handlers.get(request.getClass());
        if (handler == null) {
            // What Bolt does with a class it has no processor for: the caller learns it, nothing is answered.
            reply.completeExceptionally(new IllegalArgumentException("the data server's session port takes no "
                    + (request == null ? "empty request" : request.getClass().getName())));
            return reply;
        }
        try {
            s.workers.execute(() -> reply.complete(answer(handler, request)));
        } catch (RejectedExecutionException e) {
            reply.completeExceptionally(new IllegalStateException("the data server's workers took no more: " + e));
        }
        return reply;
    }

    /** As the Bolt port answers: a handler's failure is a refused reply with the reason. */
    private static Object answer(SessionHandlers.Handler<?> handler, Object request) {
        try {
            return handler.apply(request);
        } catch (RuntimeException e) {
            return HandlerFailures.refused(handler.type(), handler.refusal(), e);
        }
    }

    @Override
    public Attachment attach(String name, Consumer<DatumChanged> notices) {
        String id = ID_PREFIX + attachments.incrementAndGet() + " " + name;
        attached.put(id, notices);
        LOG.info("[data] {} attached in-process, {} attached", name, attached.size());
        AtomicBoolean closed = new AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true) && attached.remove(id) != null) {
                LOG.info("[data] {} detached, {} attached", name, attached.size());
            }
        };
    }

    /** The sessions attached now. */
    public int size() {
        return attached.size();
    }

    @Override
    public List<String> connectionIds() {
        return List.copyOf(attached.keySet());
    }

    @Override
    public boolean isOpen(String connectionId) {
        return attached.containsKey(connectionId);
    }

    @Override
    public void send(String connectionId, List<DatumChanged> notices) {
        Consumer<DatumChanged> session = attached.get(connectionId);
        if (session == null) {
            throw new IllegalStateException("no session attached as " + connectionId);
        }
        notices.forEach(session);
    }
}
