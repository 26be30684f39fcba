package io.weft.auth.intelliproxy.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.weft.api.auth.Permissions;

class ConsolePermissionsTest {

    @Test
    @DisplayName("CON-23: reading any console page needs console.read; changing one needs its own permission")
    void mapping() {
        assertEquals(Permissions.CONSOLE_READ, ConsolePermissions.required("GET", "configMgr"));
        assertEquals(Permissions.CONSOLE_READ, ConsolePermissions.required("HEAD", "bundles"));
        assertEquals(Permissions.CONSOLE_CONFIG_WRITE, ConsolePermissions.required("POST", "configMgr"));
        assertEquals(Permissions.CONSOLE_BUNDLES_WRITE, ConsolePermissions.required("POST", "bundles"));
        assertEquals(Permissions.CONSOLE_BUNDLES_WRITE, ConsolePermissions.required("POST", "vmstat"));
        assertEquals(Permissions.CONSOLE_COMPONENTS_WRITE, ConsolePermissions.required("POST", "components"));
        assertEquals(Permissions.CONSOLE_USERS_WRITE, ConsolePermissions.required("POST", "weft-users"));
        assertEquals("console.weft-monitor.write", ConsolePermissions.required("POST", "weft-monitor"));
        assertEquals("console.write", ConsolePermissions.required("DELETE", ""));
        assertNull(ConsolePermissions.required("GET", "res"));
        assertNull(ConsolePermissions.required("POST", "logout"));
    }

    @Test
    @DisplayName("the page label is the first path segment below the console root")
    void labels() {
        assertEquals("bundles", ConsolePermissions.label("/system/console/bundles/12", "/system/console"));
        assertEquals("bundles", ConsolePermissions.label("/system/console/bundles.json", "/system/console"));
        assertEquals("configMgr", ConsolePermissions.label("/system/console/configMgr/io.weft.monitor", "/system/console"));
        assertEquals("", ConsolePermissions.label("/system/console", "/system/console"));
        assertEquals("", ConsolePermissions.label("/system/console/", "/system/console"));
    }
}
