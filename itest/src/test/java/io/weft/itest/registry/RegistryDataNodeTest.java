package io.weft.itest.registry;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.weft.itest.support.Http;
import io.weft.itest.support.WeftNode;

/**
 * Two processes: a standalone node (its meta is the group) and a node running only the {@code registry-data}
 * role, pointed at the first one's 9611. The data server registers, gets the slot table and goes to WORK; killed
 * with -9, the meta evicts it.
 */
class RegistryDataNodeTest {

    private static final Duration AWAIT = Duration.ofSeconds(90);

    @Test
    @DisplayName("REG-31, REG-32, REG-51: a registry-data node joins the meta of another node over 9611, logs to WORK"
            + " and is listed on 9615/digest/data/node/query; after kill -9 the meta evicts it")
    void dataNodeJoinsAndIsEvicted() throws Exception {
        try (WeftNode metaNode = WeftNode.create("registry-cluster-meta");
             WeftNode dataNode = WeftNode.create("registry-cluster-data")) {
            metaNode.configure("io.weft.registry.meta", Map.of("nodeTimeoutMillis", "5000"));
            metaNode.start();
            dataNode.roles("registry-data");
            dataNode.configure("io.weft.registry.data",
                    Map.of("metaServers", "127.0.0.1:" + metaNode.registryPorts().metaData()));
            dataNode.start();

            String dataAddress = "127.0.0.1:" + dataNode.registryPorts().dataSession();
            Http meta = new Http("http://127.0.0.1:" + metaNode.registryPorts().metaHttp(), "admin",
                    WeftNode.ADMIN_PASSWORD);
            assertTrue(WeftNode.await(AWAIT, () -> dataNode.log("registry/data/registry-data.log").contains("to WORK")),
                    dataNode.log("registry/data/registry-data.log"));
            assertTrue(WeftNode.await(AWAIT, () -> meta.get("/digest/data/node/query").body().contains(dataAddress)),
                    meta.get("/digest/data/node/query").body());
            Http data = new Http("http://127.0.0.1:" + dataNode.registryPorts().dataHttp(), "admin",
                    WeftNode.ADMIN_PASSWORD);
            assertTrue(data.get("/health/check").ok(), data.get("/health/check").body());

            dataNode.kill9();
            assertTrue(WeftNode.await(AWAIT, () -> !meta.get("/digest/data/node/query").body().contains(dataAddress)),
                    "evicted: " + meta.get("/digest/data/node/query").body());
            assertFalse(metaNode.log("registry/meta/registry-meta.log").isEmpty());
        }
    }
}
