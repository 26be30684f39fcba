package io.weft.codec.bolt.guard;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Whether a newly accepted connection may stay: at most {@code perIpPerSecond} new connections from one
 * address in one second (a reconnecting peer opens one, RCP-14; a reconnect loop or a flood opens hundreds),
 * and at most {@code maxConnections} open at once. Attempts count whether admitted or not, in fixed one-second
 * windows, so the memory it holds is one counter per address seen in the current second.
 *
 * <p>Thread-safe: Netty's event loops ask it for each accepted connection and tell it of each one closed.
 */
public final class ConnectionGate {

    private final int perIpPerSecond;
    private final int maxConnections;
    private final LongSupplier millis;
    private final Map<String, Integer> attempts = new HashMap<>();
    private long window = Long.MIN_VALUE;
    private int open;

    /**
     * @param millis the time, injected so tests need not sleep
     */
    public ConnectionGate(int perIpPerSecond, int maxConnections, LongSupplier millis) {
        if (perIpPerSecond < 1 || maxConnections < 1) {
            throw new IllegalArgumentException("limits must be positive, were " + perIpPerSecond + " per address and"
                    + " second and " + maxConnections + " connections");
        }
        this.perIpPerSecond = perIpPerSecond;
        this.maxConnections = maxConnections;
        this.millis = millis;
    }

    /**
     * @return null if the connection from {@code ip} is admitted (then {@link #closed()} must follow once it
     *         closes), otherwise why it is refused
     */
    public synchronized ConnectionRefusal admit(String ip) {
        long second = Math.floorDiv(millis.getAsLong(), 1000L);
        if (second != window) {
            window = second;
            attempts.clear();
        }
        if (attempts.merge(ip, 1, Integer::sum) > perIpPerSecond) {
            return ConnectionRefusal.RATE;
        }
        if (open >= maxConnections) {
            return ConnectionRefusal.LIMIT;
        }
        open++;
        return null;
    }

    /** An admitted connection closed. */
    public synchronized void closed() {
        open--;
    }

    /** Admitted connections not closed yet. */
    public synchronized int open() {
        return open;
    }

    public int perIpPerSecond() {
        return perIpPerSecond;
    }

    public int maxConnections() {
        return maxConnections;
    }
}
