package io.weft.registry.data;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.BooleanSupplier;

/** Waits for a condition that the system reaches by itself; the deadline only bounds a broken run. */
public final class Eventually {

    private static final long DEADLINE_MILLIS = 30_000;

    private Eventually() {
    }

    public static void await(String what, BooleanSupplier condition) {
        long end = System.nanoTime() + DEADLINE_MILLIS * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("never happened: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting for " + what);
            }
        }
    }
}
