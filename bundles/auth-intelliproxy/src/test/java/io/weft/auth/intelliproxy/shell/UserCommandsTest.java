package io.weft.auth.intelliproxy.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.weft.auth.intelliproxy.Fixture;

class UserCommandsTest {

    private final Fixture f = new Fixture();
    private final UserCommands commands = new UserCommands(f.admin);

    @Test
    @DisplayName("CON-23: user-create prints a generated password once; user-list and role-list show the result")
    void createAndList() {
        String out = commands.all().get("user-create").apply(List.of("alice", "viewer"));
        assertTrue(out.contains("Password (shown only now): "), out);
        String password = out.substring(out.lastIndexOf(' ') + 1);
        assertTrue(f.logins.login("alice", password.toCharArray(), "h").ok());
        assertTrue(commands.all().get("user-list").apply(List.of()).contains("alice"));
        assertTrue(commands.all().get("role-list").apply(List.of()).contains("console.read"));
    }

    @Test
    @DisplayName("CON-23: role-grant, user-roles, user-disable and user-passwd change what they say")
    void changes() {
        commands.all().get("role-grant").apply(List.of("registry-ops", "registry.push-switch.write"));
        commands.all().get("user-roles").apply(List.of("watcher", "viewer", "registry-ops"));
        assertEquals(java.util.Set.of("viewer", "registry-ops"), f.users.find("watcher").orElseThrow().roles());
        commands.all().get("user-passwd").apply(List.of("watcher", "a-new-password-1"));
        assertTrue(f.logins.login("watcher", "a-new-password-1".toCharArray(), "h").ok());
        commands.all().get("user-disable").apply(List.of("watcher"));
        assertTrue(!f.users.find("watcher").orElseThrow().enabled());
    }

    @Test
    @DisplayName("wrong arguments print the usage and change nothing")
    void usage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> commands.all().get("role-grant").apply(List.of("only-one")));
        assertEquals("usage: intelliproxy:role-grant <role> <permission>", e.getMessage());
    }
}
