package io.weft.registry.session.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.weft.registry.session.data.DataInfoId;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RegistrationTableTest {

    private static final DataInfoId ORDERS = new DataInfoId("orders", "DEFAULT_INSTANCE_ID", "SOFA");
    private static final DataInfoId USERS = new DataInfoId("users", "DEFAULT_INSTANCE_ID", "SOFA");

    private final RegistrationTable<Subscription> table = new RegistrationTable<>();

    private static Subscription sub(String registId, String connection, DataInfoId id, long version) {
        return new Subscription(registId, connection, id, Subscription.SCOPE_ZONE, "zone", version, "app");
    }

    @Test
    @DisplayName("RCP-11: a datum's subscribers are those registered for it now, in the order they came")
    void subscribersOfADatum() {
        table.put(sub("a", "c1", ORDERS, 1));
        table.put(sub("b", "c2", USERS, 1));
        table.put(sub("c", "c2", ORDERS, 1));
        assertEquals(List.of("a", "c"), table.of(ORDERS).stream().map(Subscription::registId).toList());

        // An update that moves a registId to another datum leaves the first one's list.
        table.put(sub("a", "c1", USERS, 2));
        assertEquals(List.of("c"), table.of(ORDERS).stream().map(Subscription::registId).toList());
        assertEquals(List.of("b", "a"), table.of(USERS).stream().map(Subscription::registId).toList());

        table.remove("c");
        assertEquals(List.of(), table.of(ORDERS));
    }

    @Test
    @DisplayName("RCP-14, RCP-21: a closed connection takes its own registrations only, even after a reconnect moved"
            + " one of them to a new connection")
    void closedConnection() {
        table.put(sub("a", "c1", ORDERS, 1));
        table.put(sub("b", "c1", USERS, 1));
        table.put(sub("c", "c2", ORDERS, 1));
        // The client reconnected as c3 and replayed "a" before the server saw c1 close.
        Subscription replayed = sub("a", "c3", ORDERS, 1);
        table.put(replayed);

        assertEquals(List.of("b"), table.removeConnection("c1").stream().map(Subscription::registId).toList());
        assertSame(replayed, table.get("a"));
        assertNull(table.get("b"));
        assertEquals(List.of("c", "a"), table.of(ORDERS).stream().map(Subscription::registId).toList());
        assertEquals(List.of(), table.of(USERS));
        assertEquals(2, table.size());
        assertEquals(List.of(), table.removeConnection("c1"));
    }

    @Test
    @DisplayName("RCP-7: a repeat or an older version from the same connection is ignored and changes no index")
    void repeatIgnored() {
        table.put(sub("a", "c1", ORDERS, 2));
        assertNull(table.put(sub("a", "c1", USERS, 2)));
        assertEquals(1, table.of(ORDERS).size());
        assertEquals(List.of(), table.of(USERS));
    }
}
