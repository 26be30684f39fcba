package io.weft.store.database;

import static io.weft.store.TestDatabases.count;
import static io.weft.store.TestDatabases.execute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.weft.api.health.Health;
import io.weft.store.derby.DerbyNetworkServer;
import io.weft.store.jdbc.ConnectionSettings;
import io.weft.store.jdbc.DatabaseType;

/** Databases unreachable at start, and several nodes on one network Derby. */
class DatabaseConnectorTest {

    @TempDir
    Path temp;

    @Test
    @DisplayName("DRM-29: a database unreachable at start is reported DOWN with its address, retried, and"
            + " connected once it is up")
    void retriesUntilReachable() throws Exception {
        int port = freePort();
        ConnectionSettings settings = network("weft", port, temp.resolve("late").toString());
        BlockingQueue<StoreDatabase> connected = new LinkedBlockingQueue<>();
        try (DatabaseConnector connector = new DatabaseConnector(settings,
                new Backoff(Duration.ofMillis(100), Duration.ofMillis(400)), connected::add)) {
            connector.start();
            // Wait for a reported failure, not for a time.
            while (connector.health().detail().startsWith("connecting")) {
                Thread.sleep(20);
            }
            Health down = connector.health();
            assertEquals(Health.Status.DOWN, down.status());
            assertTrue(down.detail().contains("127.0.0.1:" + port), down.detail());
            assertTrue(down.detail().contains("attempt"), down.detail());

            try (DerbyNetworkServer server = DerbyNetworkServer.start("127.0.0.1", port)) {
                StoreDatabase db = connected.poll(60, TimeUnit.SECONDS);
                assertNotNull(db, "connected once the server was up");
                assertEquals(Health.Status.UP, connector.health().status());
                db.migrate("other", getClass().getClassLoader(), "db/other");
                assertEquals(1, count(db, "SELECT COUNT(*) FROM other_entry"));
                connector.close();
                db.close();
            }
        }
    }

    @Test
    @DisplayName("SCH-2: two nodes sharing one network Derby see each other's committed rows")
    void twoNodesShareOneNetworkDerby() throws Exception {
        int port = freePort();
        String shared = temp.resolve("shared").toString();
        try (DerbyNetworkServer server = DerbyNetworkServer.start("127.0.0.1", port);
                StoreDatabase nodeA = StoreDatabase.open(network("weft", port, shared));
                StoreDatabase nodeB = StoreDatabase.open(network("weft", port, shared))) {
            ClassLoader scripts = getClass().getClassLoader();
            assertEquals(1, nodeA.migrate("sample", scripts, "db/sample-v1"));
            assertEquals(0, nodeB.migrate("sample", scripts, "db/sample-v1"), "already migrated by node A");

            execute(nodeA, "INSERT INTO sample_item (id, name) VALUES (1, 'from A')");
            execute(nodeB, "INSERT INTO sample_item (id, name) VALUES (2, 'from B')");
            assertEquals(2, count(nodeA, "SELECT COUNT(*) FROM sample_item"));
            assertEquals(1, count(nodeB, "SELECT COUNT(*) FROM sample_item WHERE name = 'from A'"));
        }
    }

    private static ConnectionSettings network(String name, int port, String database) {
        return ConnectionSettings.builder(name, DatabaseType.NETWORK_DERBY)
                .host("127.0.0.1").port(port).database(database)
                .pool(3, 1).connectionTimeout(Duration.ofSeconds(5))
                .build();
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
