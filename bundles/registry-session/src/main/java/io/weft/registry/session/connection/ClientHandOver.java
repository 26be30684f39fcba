package io.weft.registry.session.connection;

import io.netty.channel.Channel;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hand-over of a stopping session's client connections to the session that listens next on the same port
 * (decision record 0023). It runs on Bolt's I/O threads, which outlive the session, in three steps:
 * <ol>
 * <li>for {@code handoverMillis} every request on the connections is {@link RequestPolicy#ACKNOWLEDGE
 * acknowledged without being applied}: a client busy registering gets through its queue and waits idle;</li>
 * <li>for {@code holdMillis} more, a request gets {@link RequestPolicy#HOLD no answer}: a client that sends one now
 * waits for it rather than sending the next;</li>
 * <li>then the connections close, and the session's classes leave the node's codec ({@code afterClosed}).</li>
 * </ol>
 * Why: {@code registry-client-all} notices a closed connection while idle at its next 500 ms recheck and
 * reconnects to whatever listens then. A client in the middle of a call when its connection closes can try again
 * before Bolt has dropped the closed connection's pool, fail, and sleep 5-10 s. Idle clients at the close avoid
 * that; the acknowledged requests are not lost, because a client registers everything again after reconnecting.
 */
final class ClientHandOver {

    private static final Logger LOG = LoggerFactory.getLogger("registry.session");

    private final String port;
    private final Supplier<List<ClientConnection>> clients;
    private final Runnable afterClosed;
    private final AtomicLong acknowledged = new AtomicLong();
    private volatile RequestPolicy policy = RequestPolicy.ACKNOWLEDGE;
    private volatile boolean ended;

    /**
     * @param port        the port's {@code host:port}, for the log
     * @param clients     the open connections to hand over, read again when they close: one accepted just
     *                    before the port closed may be known only later
     * @param afterClosed run once they are closed
     */
    ClientHandOver(String port, Supplier<List<ClientConnection>> clients, Runnable afterClosed) {
        this.port = port;
        this.clients = clients;
        this.afterClosed = afterClosed;
    }

    /** What the port does with a request now. */
    RequestPolicy policy() {
        return policy;
    }

    /** Whether the connections have been closed: one that opens after that is to be closed at once. */
    boolean ended() {
        return ended;
    }

    /** The answer to a request acknowledged without being applied ({@link HandOverAnswer}), counted for the log. */
    Object acknowledge(Object request) {
        acknowledged.incrementAndGet();
        return HandOverAnswer.to(request);
    }

    /**
     * Schedules the steps on a connection's I/O thread; false (nothing scheduled) if there is no connection or no
     * I/O thread takes the task, and the caller then closes them at once with {@link #closeNow()}.
     */
    boolean schedule(long handoverMillis, long holdMillis) {
        List<ClientConnection> now = clients.get();
        if (now.isEmpty()) {
            return false;
        }
        Channel channel = now.get(0).connection().getChannel();
        if (channel == null) {
            return false;
        }
        // Both steps made now, while the session's bundle can load classes (see BoltSessionServer#close).
        Runnable close = this::closeAndLog;
        Runnable hold = () -> {
            policy = RequestPolicy.HOLD;
            try {
                channel.eventLoop().schedule(close, holdMillis, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException shuttingDown) {
                close.run();
            }
        };
        try {
            channel.eventLoop().schedule(hold, handoverMillis, TimeUnit.MILLISECONDS);
            return true;
        } catch (RejectedExecutionException shuttingDown) {
            return false;
        }
    }

    /** Closes the connections and runs {@code afterClosed}; returns how many it closed. */
    int closeNow() {
        policy = RequestPolicy.HOLD;
        ended = true;
        List<ClientConnection> open = clients.get();
        for (ClientConnection client : open) {
            client.connection().close();
        }
        afterClosed.run();
        return open.size();
    }

    private void closeAndLog() {
        int closed = closeNow();
        LOG.info("[session] hand-over of client port {} ended: {} client connections closed, {} requests on them"
                + " acknowledged meanwhile (their clients register again through the next session)", port,
                closed, acknowledged.get());
    }
}
