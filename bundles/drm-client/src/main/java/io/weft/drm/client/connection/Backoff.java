package io.weft.drm.client.connection;

import java.util.Random;

/**
 * Reconnection delays: doubling from the minimum up to the maximum, each with up to 50 % random jitter
 * so that clients cut off together do not come back together. Confined to the I/O thread.
 */
final class Backoff {

    private final long minMillis;
    private final long maxMillis;
    private final Random random;
    private long next;

    Backoff(long minMillis, long maxMillis, Random random) {
        this.minMillis = minMillis;
        this.maxMillis = maxMillis;
        this.random = random;
        this.next = minMillis;
    }

    long nextDelayMillis() {
        long base = next;
        next = Math.min(maxMillis, next * 2);
        long jitter;
        synchronized (random) {
            jitter = (long) (random.nextDouble() * base * 0.5);
        }
        return Math.min(maxMillis, base + jitter);
    }

    void reset() {
        next = minMillis;
    }
}
