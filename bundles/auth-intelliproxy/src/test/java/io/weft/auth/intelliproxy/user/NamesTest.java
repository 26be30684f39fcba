package io.weft.auth.intelliproxy.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"admin' OR '1'='1", "x; DROP TABLE intelliproxy_user", "bob--", "a b", "", "1admin",
        "robert');", "%", "*", "name\n"})
    @DisplayName("CON-23: SQL-looking and other malformed user names are refused with a clear message")
    void sqlLookingNamesRefused(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Names.checkUser(name));
        assertTrue(e.getMessage().startsWith("Invalid user name"), e.getMessage());
    }

    @Test
    @DisplayName("CON-23: ordinary names pass")
    void ordinaryNames() {
        assertEquals("alice", Names.checkUser("alice"));
        assertEquals("ops.team_1-a", Names.checkUser("ops.team_1-a"));
        assertThrows(IllegalArgumentException.class, () -> Names.checkUser("a".repeat(65)));
    }

    @Test
    @DisplayName("CON-23: permissions are '*' or dotted lower-case words ending in a word or '*'")
    void permissions() {
        assertEquals("*", Names.checkPermission("*"));
        assertEquals("console.*", Names.checkPermission("console.*"));
        assertEquals("registry.push-switch.write", Names.checkPermission("registry.push-switch.write"));
        assertThrows(IllegalArgumentException.class, () -> Names.checkPermission("console.*.write"));
        assertThrows(IllegalArgumentException.class, () -> Names.checkPermission("Console.Read"));
        assertThrows(IllegalArgumentException.class, () -> Names.checkPermission("console.read'--"));
    }
}
