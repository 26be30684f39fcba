package io.weft.auth.osp.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.weft.auth.osp.admin.OspRequestException;
import io.weft.auth.osp.testing.FakeAdmin;

class OspShellTest {

    private final FakeAdmin admin = new FakeAdmin();
    private final OspShell shell = new OspShell(admin);

    @Test
    @DisplayName("CON-20: osp:tenant-create and osp:instance-create say what they created; lists are tables")
    void tenantsAndInstances() {
        assertEquals("Created tenant acme\n", shell.run("tenant-create", List.of("acme")));
        assertEquals("Created instance inst-1 (tenant acme, workspace default, products"
                + " DRM,SCHEDULER,SOFAKAFKA,SOFAREGISTRY)\n", shell.run("instance-create", List.of("acme", "inst-1")));
        assertEquals("Created instance inst-2 (tenant acme, workspace ws1, products DRM)\n",
                shell.run("instance-create", List.of("acme", "inst-2", "ws1", "drm")));

        assertEquals("TENANT  INSTANCES  CREATED\n"
                + "acme    2          2026-11-22T10:15:30Z\n", shell.run("tenant-list", List.of()));
        assertEquals("INSTANCE  TENANT  WORKSPACE  PRODUCTS\n"
                + "inst-1    acme    default    DRM,SCHEDULER,SOFAKAFKA,SOFAREGISTRY\n"
                + "inst-2    acme    ws1        DRM\n", shell.run("instance-list", List.of()));
    }

    @Test
    @DisplayName("CON-22: osp:key-create prints AccessKey and SecretKey once; osp:key-list never shows the secret")
    void keys() {
        String out = shell.run("key-create", List.of("inst-1", "antcloud.deps.cell.list,", "antcloud.deps.singleworkspace.get"));
        assertEquals("Created AccessKey for instance inst-1\n"
                + "AccessKey: AKFAKE00000000000001\n"
                + "SecretKey: " + FakeAdmin.SECRET + "\n"
                + "Permissions: antcloud.deps.cell.list,antcloud.deps.singleworkspace.get\n"
                + "The SecretKey is shown only now: store it (com.antcloud.mw.secret) before closing this shell.\n", out);

        String list = shell.run("key-list", List.of());
        assertEquals("ACCESSKEY             INSTANCE  STATE   CREATED               PERMISSIONS\n"
                + "AKFAKE00000000000001  inst-1    active  2026-11-22T10:15:30Z  "
                + "antcloud.deps.cell.list,antcloud.deps.singleworkspace.get\n", list);
        assertFalse(list.contains(FakeAdmin.SECRET));

        assertEquals("Revoked AccessKey AKFAKE00000000000001 (instance inst-1)\n",
                shell.run("key-revoke", List.of("AKFAKE00000000000001")));
        assertTrue(shell.run("key-list", List.of("inst-1")).contains("revoked 2026-11-22T10:16:30Z"));
        assertEquals("ACCESSKEY  INSTANCE  STATE  CREATED  PERMISSIONS\n", shell.run("key-list", List.of("other")));
    }

    @Test
    @DisplayName("CON-20: wrong arguments get the usage; bad names get the rule, nothing created")
    void refusals() {
        assertEquals("Usage: osp:instance-create <tenant> <instanceId> [workspace] [products...]",
                assertThrows(OspRequestException.class, () -> shell.run("instance-create", List.of("acme")))
                        .getMessage());
        assertEquals("Usage: osp:key-create <instanceId> <permission,...>",
                assertThrows(OspRequestException.class, () -> shell.run("key-create", List.of("inst-1"))).getMessage());
        assertTrue(assertThrows(OspRequestException.class,
                () -> shell.run("tenant-create", List.of("x';DROP"))).getMessage().startsWith("Invalid tenant 'x';DROP'"));
        assertTrue(admin.tenants.isEmpty());
    }
}
