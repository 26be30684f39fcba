package io.weft.store.database;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    @DisplayName("Retry delays double up to the maximum and start over after a success")
    void doublesUpToMax() {
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5));
        assertEquals(Duration.ofSeconds(1), b.next());
        assertEquals(Duration.ofSeconds(2), b.next());
        assertEquals(Duration.ofSeconds(4), b.next());
        assertEquals(Duration.ofSeconds(5), b.next());
        assertEquals(Duration.ofSeconds(5), b.next());
        b.reset();
        assertEquals(Duration.ofSeconds(1), b.next());
    }
}
