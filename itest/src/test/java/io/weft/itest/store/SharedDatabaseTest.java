package io.weft.itest.store;

import static io.weft.itest.store.NodeDatabases.acvipKnows;
import static io.weft.itest.store.NodeDatabases.createAccessKey;
import static io.weft.itest.store.NodeDatabases.createInstance;
import static io.weft.itest.store.NodeDatabases.createTenant;
import static io.weft.itest.store.NodeDatabases.health;
import static io.weft.itest.store.NodeDatabases.ospPage;
import static io.weft.itest.store.NodeDatabases.read;
import static io.weft.itest.store.NodeDatabases.serveDerby;
import static io.weft.itest.store.NodeDatabases.useNetworkDerby;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.weft.itest.support.Http;
import io.weft.itest.support.WeftNode;

/**
 * Two nodes sharing one database through the Derby network server one of them runs (issue #3): what is
 * created on one node's console is what the other node's console and ACVIP serve, and a node whose
 * shared database is not up yet serves what does not need it and turns healthy once it is.
 */
class SharedDatabaseTest {

    private static final String MASTER_KEY = "data/osp/master.key";

    @Test
    @DisplayName("CON-2, CON-20, CON-21, CON-22, CON-24, CON-26: two nodes on one network Derby: tenant,"
            + " instance and AccessKey created on node A's OSP page are listed on node B's, and B's ACVIP answers"
            + " the new instance's domains; B's bootstrap finds instance 'default' already there")
    void twoNodesShareOneNetworkDerby() throws Exception {
        int derbyPort = WeftNode.freePort();
        try (WeftNode a = WeftNode.create("shared-derby-a"); WeftNode b = WeftNode.create("shared-derby-b")) {
            serveDerby(a, derbyPort);
            useNetworkDerby(a, derbyPort);
            useNetworkDerby(b, derbyPort);

            a.start();
            assertEquals("UP", health(a).check("store-weft").path("status").asText(), health(a).body().toString());
            assertTrue(health(a).check("store-weft").path("detail").asText().contains("jdbc:derby://127.0.0.1:" + derbyPort + "/weft"),
                    "A's own database is the network one: " + health(a).body());
            assertTrue(WeftNode.await(Duration.ofSeconds(30), () -> Files.exists(a.home().resolve(MASTER_KEY))),
                    "A's OSP creates its master key");

            // docs/osp.md: nodes sharing one database share data/osp/master.key; copied as an operator does.
            Path bKey = b.home().resolve(MASTER_KEY);
            Files.createDirectories(bKey.getParent(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.copy(a.home().resolve(MASTER_KEY), bKey);
            Files.setPosixFilePermissions(bKey, PosixFilePermissions.fromString("rw-------"));

            b.start();
            assertTrue(WeftNode.await(Duration.ofSeconds(30), () -> acvipKnows(b, "default-DRM", true)),
                    "B's OSP is up on the shared database (B bootstrapped after A had made 'default')");
            assertEquals(1, count(ospPage(b), "data-instance=\"default\""), "one instance 'default': " + ospPage(b));
            assertEquals(1, count(ospPage(b), "data-tenant=\"default\""), "one tenant 'default': " + ospPage(b));
            assertFalse(b.log("osp/common-error.log").contains("ERROR"), "B's OSP met no error: " + b.log("osp/common-error.log"));
            assertFalse(b.log("intelliproxy/common-error.log").contains("ERROR"),
                    "B's intelliproxy met no error: " + b.log("intelliproxy/common-error.log"));
            assertArrayEquals(read(a.home().resolve(MASTER_KEY)), read(bKey), "B kept the master key it was given");

            String tenant = "acme" + System.nanoTime() % 100000;
            // '_', not '-': ACVIP refuses instanceIds holding a '-' that OSP accepts (reported, not covered here).
            String instance = tenant + "_prod";
            createTenant(a, tenant);
            createInstance(a, tenant, instance, "SOFAREGISTRY,DRM");
            String accessKey = createAccessKey(a, instance, "antcloud.deps.cell.list");

            String onB = ospPage(b);
            assertTrue(onB.contains("data-tenant=\"" + tenant + "\""), "B lists tenant " + tenant + ": " + onB);
            assertTrue(onB.contains("data-instance=\"" + instance + "\""), "B lists instance " + instance + ": " + onB);
            assertTrue(Pattern.compile("data-access-key=\"" + Pattern.quote(accessKey) + "\"><td>[^<]*</td><td>"
                    + Pattern.quote(instance) + "</td><td>active</td>").matcher(onB).find(),
                    "B lists A's AccessKey " + accessKey + " as active: " + onB);
            assertTrue(acvipKnows(b, instance + "-DRM", true), "B's ACVIP knows " + instance + "-DRM, enabled: "
                    + NodeDatabases.acvipDomain(b, instance + "-DRM"));
            assertTrue(acvipKnows(b, instance + "-SOFAREGISTRY", true), "and " + instance + "-SOFAREGISTRY");
            assertTrue(acvipKnows(b, instance + "-SOFAKAFKA", false), "SOFAKAFKA is not enabled for " + instance + ": "
                    + NodeDatabases.acvipDomain(b, instance + "-SOFAKAFKA"));
            assertTrue(acvipKnows(a, instance + "-DRM", true), "A's ACVIP knows it too");

            // And the other way round: B writes, A reads.
            createInstance(b, tenant, instance + "_b", "SCHEDULER");
            assertTrue(ospPage(a).contains("data-instance=\"" + instance + "_b\""), ospPage(a));
            assertTrue(acvipKnows(a, instance + "_b-SCHEDULER", true), "A's ACVIP knows the instance B created");

            assertEquals(0, b.weft("stop").exitStatus(), "B stops cleanly");
            assertEquals(200, a.http().get("/health").status(), "A is unaffected by B stopping: " + health(a).body());
            assertEquals(0, a.weft("stop").exitStatus(), "then A");
        }
    }

    @Test
    @DisplayName("CON-12, CON-13, OPS-16: a node whose shared database (another node's Derby network server) is down"
            + " starts, answers 503 on /health naming the database, keeps serving /metrics and the console login,"
            + " and turns healthy once the database is up")
    void nodeStartsBeforeTheDatabaseItShares() throws Exception {
        int derbyPort = WeftNode.freePort();
        try (WeftNode a = WeftNode.create("shared-late-a"); WeftNode b = WeftNode.create("shared-late-b")) {
            serveDerby(a, derbyPort);
            useNetworkDerby(a, derbyPort);
            useNetworkDerby(b, derbyPort);

            WeftNode.Result started = b.weft("start");
            assertEquals(0, started.exitStatus(), "every bundle starts; the database is waited for: " + started.output());
            String database = "jdbc:derby://127.0.0.1:" + derbyPort + "/weft";
            assertTrue(WeftNode.await(Duration.ofSeconds(30), () -> {
                NodeDatabases.Health h = health(b);
                return h.status() == 503 && "DOWN".equals(h.check("store-weft").path("status").asText());
            }), "B's /health is 503 with store-weft DOWN: " + health(b).body());
            NodeDatabases.Health down = health(b);
            assertEquals("DOWN", down.body().path("status").asText(), down.body().toString());
            assertTrue(down.check("store-weft").path("detail").asText().contains(database),
                    "the detail names the database: " + down.check("store-weft"));
            assertTrue(WeftNode.await(Duration.ofSeconds(10), () -> b.log("store/store.log").contains(database)),
                    "logged once as an error naming it: " + b.log("store/store.log"));

            Http.Response metrics = b.http().get("/metrics");
            assertEquals(200, metrics.status(), metrics.body());
            assertTrue(metrics.body().contains("jvm_memory_bytes_used"), metrics.body());
            assertEquals(401, b.http().get("/system/console/bundles").status(), "the console still asks for a login");
            Http.Response console = b.http().getAsAdmin("/system/console/bundles");
            assertEquals(200, console.status(), "and lets the administrator in while the database is down: " + console.body());

            a.start();
            assertTrue(WeftNode.await(Duration.ofSeconds(60), () -> health(b).status() == 200),
                    "B turns healthy once A's Derby server is up: " + health(b).body());
            assertEquals("UP", health(b).check("store-weft").path("status").asText(), health(b).body().toString());
            assertTrue(WeftNode.await(Duration.ofSeconds(30), () -> acvipKnows(b, "default-DRM", true)),
                    "B's OSP and ACVIP came up on the shared database");
            assertEquals(1, count(ospPage(b), "data-instance=\"default\""), "one instance 'default' for both nodes: " + ospPage(b));
            assertTrue(WeftNode.await(Duration.ofSeconds(30), () -> acvipKnows(a, "default-DRM", true)), "A's too");
            assertEquals(200, b.http().getAsAdmin("/system/console/weft-users").status(), "B's console users page (intelliproxy)");

            assertEquals(0, b.weft("stop").exitStatus());
            assertEquals(0, a.weft("stop").exitStatus());
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }
}
