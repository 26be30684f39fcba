package io.weft.itest.store;

import static io.weft.itest.store.NodeDatabases.acvipKnows;
import static io.weft.itest.store.NodeDatabases.createInstance;
import static io.weft.itest.store.NodeDatabases.createTenant;
import static io.weft.itest.store.NodeDatabases.health;
import static io.weft.itest.store.NodeDatabases.ospPage;
import static io.weft.itest.store.NodeDatabases.useMysql;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.weft.itest.support.WeftNode;

/**
 * A standalone node whose database {@code weft} is MariaDB (type {@code mysql}) at the JDBC URL in
 * {@value #URL_ENV} (user and password in it), as {@code ./weft-dev test} provides from its own private
 * server (.ci/mariadb). Without the variable the test is skipped, except on CI ({@code CI=true}), where
 * it fails: CI must run it.
 */
class MariaDbNodeTest {

    static final String URL_ENV = "WEFT_TEST_MARIADB_URL";
    private static final Pattern PASSWORD = Pattern.compile("[?&;]password=([^&;]*)");

    private String url;

    @BeforeEach
    void needsMariaDb() {
        url = System.getenv(URL_ENV);
        if (url == null || url.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(URL_ENV + " is not set on CI (CI=true): the MariaDB tests must run there; ./weft-dev test"
                        + " starts a MariaDB and sets it");
            }
            Assumptions.abort(URL_ENV + " not set: no MariaDB to test against (./weft-dev test starts one)");
        }
    }

    @Test
    @DisplayName("CON-3, CON-20, CON-21, CON-23, CON-26: on MariaDB the node migrates the OSP and intelliproxy tables;"
            + " a tenant and instance created on the OSP page are still there, and served by ACVIP, after a restart")
    void nodeDatabaseOnMariaDb() throws Exception {
        try (WeftNode node = WeftNode.create("mariadb")) {
            useMysql(node, url);
            node.start();

            NodeDatabases.Health up = health(node);
            assertEquals("UP", up.check("store-weft").path("status").asText(), up.body().toString());
            String detail = up.check("store-weft").path("detail").asText();
            assertTrue(detail.startsWith("jdbc:mariadb://"), "the database in use is MariaDB: " + detail);
            Matcher password = PASSWORD.matcher(url);
            if (password.find() && !password.group(1).isEmpty()) {
                assertFalse(detail.contains(password.group(1)), "/health hides the password: " + detail);
                assertFalse(node.log("store/store.log").contains(password.group(1)), "the log hides the password");
            }

            // intelliproxy's tables: the console logs the administrator in through intelliproxy's users.
            assertTrue(WeftNode.await(Duration.ofSeconds(30),
                    () -> node.http().getAsAdmin("/system/console/weft-users").status() == 200),
                    "intelliproxy's Users page: " + node.http().getAsAdmin("/system/console/weft-users").body());
            assertTrue(node.http().getAsAdmin("/system/console/weft-users").body().contains("admin"));
            // OSP's tables: bootstrap made instance 'default' (or found it from an earlier run on this schema).
            assertTrue(WeftNode.await(Duration.ofSeconds(30), () -> acvipKnows(node, "default-DRM", true)),
                    "OSP and ACVIP run on MariaDB: " + ospPage(node));

            // Unique per run: the schema may hold an earlier run's rows.
            String tenant = "mdb" + System.currentTimeMillis();
            String instance = tenant + "_prod";
            createTenant(node, tenant);
            createInstance(node, tenant, instance, "SOFAREGISTRY,DRM");
            assertTrue(acvipKnows(node, instance + "-DRM", true));

            assertEquals(0, node.weft("stop").exitStatus(), "stops cleanly");
            node.start();
            String page = ospPage(node);
            assertTrue(page.contains("data-tenant=\"" + tenant + "\""), "the tenant survives a restart: " + page);
            assertTrue(page.contains("data-instance=\"" + instance + "\""), "the instance too: " + page);
            assertTrue(WeftNode.await(Duration.ofSeconds(30), () -> acvipKnows(node, instance + "-DRM", true)),
                    "and ACVIP serves it: " + NodeDatabases.acvipDomain(node, instance + "-DRM"));
            assertTrue(acvipKnows(node, instance + "-SCHEDULER", false), "SCHEDULER is not enabled for it");
            assertFalse(node.log("osp/common-error.log").contains("ERROR"), node.log("osp/common-error.log"));
            assertFalse(node.log("intelliproxy/common-error.log").contains("ERROR"), node.log("intelliproxy/common-error.log"));
        }
    }
}
