package io.weft.registry.meta.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PeerAddressesTest {

    @Test
    @DisplayName("REG-45, OPS-6: the seed's plain IPs take the raft port, host:port entries keep theirs, blanks and repeats go")
    void parses() {
        assertEquals(List.of("10.106.6.214:9612", "10.106.9.242:9612", "meta-3.example:9700"),
                PeerAddresses.parse(" 10.106.6.214,10.106.9.242,, meta-3.example:9700 ,10.106.6.214", 9612));
        assertEquals(List.of(), PeerAddresses.parse(" , ", 9612));
        assertEquals(List.of(), PeerAddresses.parse(null, 9612));
    }

    @Test
    @DisplayName("REG-45: an entry that is no member address is refused with its text")
    void refuses() {
        for (String bad : List.of("10.0.0.1:", "10.0.0.1:0", "10.0.0.1:65536", "10.0.0.1:+80", ":9612",
                "10.0.0.1 10.0.0.2", "fe80::1", "[::1]:9612", "-bad")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> PeerAddresses.parse("10.0.0.9," + bad, 9612), bad);
            assertTrue(e.getMessage().startsWith("'" + bad.strip() + "' is not a member address"), e.getMessage());
        }
    }
}
