package io.weft.codec.bolt;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;

/**
 * Stops a Bolt server and returns once its port can be bound again, without waiting out Netty's graceful quiet
 * period.
 *
 * <p>Why: Bolt's synchronous stop ({@code SERVER_SYNC_STOP}) waits for its boss event loop to shut down gracefully,
 * two seconds of quiet each. A node that stops five Bolt servers one after the other (session, data, meta's two
 * cluster ports, raft) spent ten seconds doing so, and a restart with it. Without the synchronous stop Bolt closes
 * the listening channel on its event loop a few milliseconds later; waiting for exactly that, the port being free,
 * is what a restart on the same port needs. The boss thread itself ends about two seconds later, on its own.
 */
public final class BoltServerStop {

    /** How long to wait for the port by default: far above the milliseconds it takes. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(5);

    private static final long POLL_MILLIS = 10;

    private BoltServerStop() {
    }

    /**
     * Runs {@code shutdown} (the server's own, with {@code SERVER_SYNC_STOP} left off) and waits until
     * {@code host:port} can be bound.
     *
     * @param host the address the server was bound to ({@code 0.0.0.0} for every interface)
     * @param port the port it listened on, not 0
     * @return whether the port was free within {@code wait}; false also when interrupted (the flag is kept)
     */
    public static boolean stop(Runnable shutdown, String host, int port, Duration wait) {
        shutdown.run();
        long deadline = System.nanoTime() + wait.toNanos();
        while (!bindable(host, port)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Whether a server socket could listen on {@code host:port} now (as Netty's, with SO_REUSEADDR). */
    static boolean bindable(String host, int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(host, port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
