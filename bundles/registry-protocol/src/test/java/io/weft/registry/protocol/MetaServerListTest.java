package io.weft.registry.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MetaServerListTest {

    @Test
    @DisplayName("REG-50: a follower's leader hint on another host makes that meta the target, matched by host")
    void hintByHost() {
        MetaServerList metas = new MetaServerList(List.of("10.0.0.1:9610", "10.0.0.2:9610", "10.0.0.3:9610"));
        assertTrue(metas.leaderIs("10.0.0.3:19610"));
        assertEquals("10.0.0.3:9610", metas.target());
    }

    @Test
    @DisplayName("REG-45, REG-46: a hint on a host no configured meta is on (a member added by changePeer) is learned:"
            + " it becomes the target and gets pings; once it fails it is forgotten")
    void learnsAddedMember() {
        MetaServerList metas = new MetaServerList(List.of("10.0.0.1:9610", "10.0.0.2:9610", "10.0.0.3:9610"));
        assertTrue(metas.leaderIs("10.0.0.4:9610"));
        assertEquals("10.0.0.4:9610", metas.target());
        assertEquals(List.of("10.0.0.4:9610"), metas.learned());
        assertEquals(4, metas.size());
        assertFalse(metas.leaderIs("10.0.0.4:9610"), "already the target");
        assertTrue(metas.leaderIs("10.0.0.1:9610"));
        assertEquals(List.of("10.0.0.2:9610", "10.0.0.3:9610", "10.0.0.4:9610"), metas.others());
        assertTrue(metas.leaderIs("10.0.0.4:19610"), "matched by host, not learned twice");
        assertEquals(List.of("10.0.0.4:9610"), metas.learned());

        metas.leaderIs("10.0.0.4:9610");
        metas.failed();
        assertEquals(List.of(), metas.learned(), "a learned meta that failed is forgotten");
        assertEquals("10.0.0.1:9610", metas.target(), "and the next round starts at the first configured one");

        MetaServerList shared = new MetaServerList(List.of("127.0.0.1:9610", "127.0.0.1:9710"));
        assertFalse(shared.leaderIs("127.0.0.1:9999"), "a configured host: the hint's port is the caller's");
        assertTrue(shared.leaderIs("127.0.0.2:9710"), "another host is learned even beside shared ones");
        assertTrue(shared.leaderIs("127.0.0.2:9610"), "and, metas sharing hosts, another port of it as well");
        assertEquals(List.of("127.0.0.2:9710", "127.0.0.2:9610"), shared.learned());

        MetaServerList bounded = new MetaServerList(List.of("10.0.0.1:9610"));
        for (int i = 0; i < MetaServerList.MAX_LEARNED + 3; i++) {
            bounded.leaderIs("10.0.1." + i + ":9610");
        }
        assertEquals(MetaServerList.MAX_LEARNED, bounded.learned().size());
    }

    @Test
    @DisplayName("REG-50: metas sharing a host on other ports: a hint that names no other configured meta changes"
            + " nothing, so the caller tries the next one instead of staying on a follower")
    void sharedHost() {
        MetaServerList metas = new MetaServerList(List.of("127.0.0.1:9610", "127.0.0.1:9710", "127.0.0.1:9810"));
        assertFalse(metas.leaderIs("127.0.0.1:9610"), "the follower's own address, with the caller's port");
        assertFalse(metas.leaderIs("127.0.0.1:9999"), "the host alone does not say which of the three");
        assertTrue(metas.leaderIs("127.0.0.1:9810"));
        assertEquals("127.0.0.1:9810", metas.target());
        metas.failed();
        assertEquals("127.0.0.1:9610", metas.target());
    }

    @Test
    @DisplayName("REG-50, REG-51: a configured list: blank entries skipped, the default port added where none is"
            + " given (IPv6 literals too), a bad port or a missing host refused with the entry named")
    void parse() {
        assertEquals(List.of("10.0.0.1:9610", "10.0.0.2:9710", "[::1]:9610", "[::1]:9700"),
                MetaServerList.parse(" 10.0.0.1, 10.0.0.2:9710 ,,[::1],[::1]:9700", 9610));
        assertEquals(List.of(), MetaServerList.parse("  ", 9611));
        assertEquals("meta server h:x: port x is not a number",
                assertThrows(IllegalArgumentException.class, () -> MetaServerList.parse("h:x", 9611)).getMessage());
        assertEquals("meta server h:70000: port out of range",
                assertThrows(IllegalArgumentException.class, () -> MetaServerList.parse("h:70000", 9611)).getMessage());
        assertEquals("meta server :9611 is not host:port",
                assertThrows(IllegalArgumentException.class, () -> MetaServerList.parse(":9611", 9611)).getMessage());
    }
}
