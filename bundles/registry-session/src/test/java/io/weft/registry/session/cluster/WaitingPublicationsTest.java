package io.weft.registry.session.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.weft.registry.session.data.DataInfoId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The publications waiting to be sent, filed by data server. */
class WaitingPublicationsTest {

    private static final String A = "127.0.0.1:9620";
    private static final String B = "127.0.0.1:9720";

    private final WaitingPublications waiting = new WaitingPublications();

    @Test
    @DisplayName("REG-36: each server's publications come out in the order marked; marked again, one keeps its place")
    void orderPerServer() {
        PublicationKey one = key(1);
        PublicationKey two = key(2);
        PublicationKey three = key(3);
        waiting.add(one, A);
        waiting.add(two, B);
        waiting.add(three, A);
        waiting.add(one, A);

        assertEquals(3, waiting.size());
        assertEquals(List.of(A, B), waiting.servers());
        assertEquals(one, waiting.first(A));
        waiting.remove(one);
        assertEquals(three, waiting.first(A));
        waiting.remove(three);
        assertNull(waiting.first(A));
        assertEquals(List.of(B), waiting.servers(), "a server with nothing waiting is not looked at");
    }

    @Test
    @DisplayName("0021: a new slot table files every waiting publication again, those with nowhere to go included")
    void refileAll() {
        PublicationKey one = key(1);
        PublicationKey two = key(2);
        waiting.add(one, null);
        waiting.add(two, A);
        assertEquals(Map.of(A, 1, "none", 1), waiting.counts());

        waiting.refileAll(key -> B);
        assertEquals(Map.of(B, 2), waiting.counts());
        assertEquals(List.of(B), waiting.servers());

        waiting.refile(one, A);
        assertEquals(one, waiting.first(A));
        assertEquals(two, waiting.first(B));
        waiting.remove(two);
        assertFalse(waiting.contains(two));
        assertEquals(1, waiting.size());
    }

    private static PublicationKey key(int n) {
        return new PublicationKey(new DataInfoId("Service" + n, null, "DEFAULT_GROUP"), "regist-" + n);
    }
}
