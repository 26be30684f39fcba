package io.weft.registry.session.connection;

import io.netty.channel.Channel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A shutting-down node's client port sending its clients on to the cluster's other sessions (decision record
 * 0026). While it lasts the port still accepts, and every connection it accepts, a client that picked this session
 * again out of its discovered list, is closed {@code closeAfterMillis} later; its requests meanwhile get no
 * answer ({@link RequestPolicy#HOLD}). The client then picks again.
 *
 * <p>Why: {@code registry-client-all} tries the sessions of its last discovery in random order and takes the first
 * whose connection is open when it looks; a refused attempt costs it a random 0-5 s sleep before the next. A
 * connection that opens and closes soon after costs it one more pick instead, and each pick lands on another
 * session with even odds or better. The connection must still be open when the client looks at it just after
 * connecting, hence the delay before the close; the client registers everything again on the connection it
 * keeps, so nothing is lost by leaving its requests unanswered.
 *
 * <p>Touched from Bolt's I/O and connection event threads and from the stopping thread ({@link #settled()}).
 */
final class ClientBounce {

    /** How long after it opened a connection that came back is closed. */
    static final long CLOSE_AFTER_MILLIS = 100;
    /**
     * How long after its last open a port with no connection left is taken to have sent everyone on: an idle client
     * whose connection closed looks again within its 500 ms recheck.
     */
    static final long SETTLE_MILLIS = 600;

    private final LongSupplier clock;
    private final long closeAfterMillis;
    private final Map<String, ClientConnection> open = new ConcurrentHashMap<>();
    private final AtomicLong bounced = new AtomicLong();
    private volatile long lastOpenedAt;

    /**
     * @param clock            milliseconds, the same clock the caller measures its deadline with
     * @param closeAfterMillis how long after it opened a connection is closed
     */
    ClientBounce(LongSupplier clock, long closeAfterMillis) {
        this.clock = clock;
        this.closeAfterMillis = closeAfterMillis;
        this.lastOpenedAt = clock.getAsLong();
    }

    /** Takes a connection accepted while bouncing: it closes {@code closeAfterMillis} from now. */
    void opened(ClientConnection client) {
        lastOpenedAt = clock.getAsLong();
        open.put(client.id(), client);
        Channel channel = client.connection().getChannel();
        try {
            if (channel != null) {
                channel.eventLoop().schedule(() -> close(client), closeAfterMillis, TimeUnit.MILLISECONDS);
                return;
            }
        } catch (RejectedExecutionException shuttingDown) {
            // closed below
        }
        close(client);
    }

    /** A connection closed, by this bounce or its client: no longer waited for. */
    void closed(String connectionId) {
        open.remove(connectionId);
    }

    /** Whether every client has gone on: no connection that came back is open and none opened lately. */
    boolean settled() {
        return open.isEmpty() && clock.getAsLong() - lastOpenedAt >= SETTLE_MILLIS;
    }

    /** How many connections that came back were closed again. */
    long bounced() {
        return bounced.get();
    }

    private void close(ClientConnection client) {
        if (open.remove(client.id(), client)) {
            bounced.incrementAndGet();
        }
        client.connection().close();
    }
}
