package io.weft.registry.session;

import io.weft.codec.bolt.BoltHessianSlot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.registry.session.data.DatumVersions;
import io.weft.registry.session.data.LocalPersistentData;
import io.weft.registry.session.data.LocalSessionData;
import io.weft.registry.session.push.PushSwitch;
import io.weft.registry.session.realclient.BoltFrames;
import io.weft.registry.session.realclient.DiscoveryEndpoint;
import io.weft.registry.session.realclient.RealClient;
import io.weft.registry.session.realclient.RealClients;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The unmodified {@code registry-client-all} 6.5.6 (with its own Bolt 1.6.2, in a class loader of its own)
 * against the session server on 127.0.0.1: discovery over HTTP, registration, push, push switch, overrides.
 */
class RealClientCompatibilityTest {

    /** Bolt's Hessian codec byte, owned as the codec bundle owns it in a node. */
    private final BoltHessianSlot hessian = BoltHessianSlot.open();

    private static final String GROUP = "SOFA";
    private static final String ZONE = "DEFAULT_ZONE";

    private final LocalSessionData data = new LocalSessionData(new DatumVersions(System::currentTimeMillis));
    private final LocalPersistentData persistent = new LocalPersistentData();
    private final PushSwitch pushSwitch = new PushSwitch();
    private SessionServer server;
    private DiscoveryEndpoint discovery;
    private RealClients clients;

    @BeforeEach
    void start() throws Exception {
        server = new SessionServer(hessian, SessionOptions.defaults("127.0.0.1").withPort(0), data, persistent, pushSwitch,
                () -> null, Clock.systemUTC());
        server.start();
        discovery = new DiscoveryEndpoint(server.port());
        clients = new RealClients();
    }

    @AfterEach
    void stop() {
        clients.close();
        discovery.close();
        server.close();
        hessian.close();
    }

    @Test
    @DisplayName("RCP-7, RCP-8, RCP-11: a publication reaches another client's subscriber callback")
    void publishReachesSubscriber() {
        Observed seen = new Observed();
        client("consumer").subscribe("com.example.EchoService:1.0@DEFAULT", GROUP, seen);
        client("provider").publish("com.example.EchoService:1.0@DEFAULT", GROUP, "127.0.0.1:12200?v=1");

        seen.awaitData(Map.of(ZONE, List.of("127.0.0.1:12200?v=1")));
    }

    @Test
    @DisplayName("RCP-11: a second publisher's data is pushed beside the first one's")
    void twoPublishers() {
        Observed seen = new Observed();
        client("consumer").subscribe("svc.two", GROUP, seen);
        client("provider-a").publish("svc.two", GROUP, "a");
        client("provider-b").publish("svc.two", GROUP, "b");

        seen.awaitValues(List.of("a", "b"));
    }

    @Test
    @DisplayName("RCP-7: an update (same registId, higher version) replaces the publisher's data")
    void republishReplaces() {
        Observed seen = new Observed();
        client("consumer").subscribe("svc.update", GROUP, seen);
        RealClient provider = client("provider");
        provider.publish("svc.update", GROUP, "v1");
        seen.awaitValues(List.of("v1"));

        provider.republish("svc.update", "v2");

        seen.awaitValues(List.of("v2"));
        assertEquals(1, server.registrations().publishers().size());
    }

    @Test
    @DisplayName("RCP-7: an unregistered publisher's data is removed from subscribers")
    void unregisterRemoves() {
        Observed seen = new Observed();
        client("consumer").subscribe("svc.unreg", GROUP, seen);
        RealClient provider = client("provider");
        provider.publish("svc.unreg", GROUP, "gone-soon");
        seen.awaitValues(List.of("gone-soon"));

        provider.unpublish("svc.unreg", GROUP);

        seen.awaitValues(List.of());
    }

    @Test
    @DisplayName("RCP-21, REG-36: a client that goes away takes its publications with it")
    void closedClientRemoved() {
        Observed seen = new Observed();
        client("consumer").subscribe("svc.close", GROUP, seen);
        RealClient stays = client("provider-stays");
        stays.publish("svc.close", GROUP, "stays");
        RealClient leaves = client("provider-leaves");
        leaves.publish("svc.close", GROUP, "leaves");
        seen.awaitValues(List.of("leaves", "stays"));
        Eventually.await("three connections", () -> server.connections().size() == 3);

        leaves.close();

        seen.awaitValues(List.of("stays"));
        Eventually.await("the closed connection forgotten", () -> server.connections().size() == 2);
    }

    @Test
    @DisplayName("REG-61: push closed, subscribers get nothing; opened again, every subscriber converges")
    void pushSwitch() throws InterruptedException {
        Observed first = new Observed();
        client("consumer-1").subscribe("svc.switch", GROUP, first);
        RealClient provider = client("provider");
        provider.publish("svc.switch", GROUP, "before");
        first.awaitValues(List.of("before"));

        pushSwitch.close();
        Observed second = new Observed();
        client("consumer-2").subscribe("svc.switch", GROUP, second);
        provider.republish("svc.switch", "while-closed");
        Eventually.await("the server holding the update", () -> data.datum(
                new io.weft.registry.session.data.DataInfoId("svc.switch", "weft-test", GROUP))
                .dataByZone().getOrDefault(ZONE, List.of()).equals(List.of("while-closed")));
        Eventually.await("the second subscriber registered", () -> server.registrations().subscribers().size() == 2);
        int firstCallbacks = first.count();
        Thread.sleep(500); // a hundred push windows: a push, if the switch leaked one, would have arrived
        assertEquals(firstCallbacks, first.count(), "no push while the switch is closed");
        assertEquals(0, second.count(), "no push while the switch is closed");
        assertEquals(List.of("before"), first.latestValues());

        pushSwitch.open();

        first.awaitValues(List.of("while-closed"));
        second.awaitValues(List.of("while-closed"));
    }

    @Test
    @DisplayName("RCP-19, RCP-20: an override written to the persistent data reaches the configurator")
    void overridePushed() {
        List<String> values = new CopyOnWriteArrayList<>();
        client("consumer").watch("svc.config", "SOFA.CONFIG", value -> values.add(String.valueOf(value)));
        Eventually.await("the configurator registered", () -> server.registrations().configurators().size() == 1);

        persistent.put("svc.config", "SOFA.CONFIG", "weft-test", 1_000L, "override://127.0.0.1:12200?weight=0");

        Eventually.await("the override delivered",
                () -> values.contains("override://127.0.0.1:12200?weight=0"));
    }

    @Test
    @DisplayName("ARCHITECTURE §5, RCP-2: a denied class and a malformed frame are refused; other clients keep working")
    void badInputLeavesOthersServing() throws Exception {
        Observed seen = new Observed();
        client("consumer").subscribe("svc.robust", GROUP, seen);
        RealClient provider = client("provider");
        provider.publish("svc.robust", GROUP, "first");
        seen.awaitValues(List.of("first"));

        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            out.write(BoltFrames.request(7, BoltFrames.CMD_REQUEST,
                    "org.apache.commons.collections.functors.InvokerTransformer", BoltFrames.hessian("x")));
            out.flush();
            BoltFrames.Response refused = BoltFrames.readResponse(in);
            assertEquals(7, refused.requestId());
            assertTrue(refused.status() != 0, "the gadget class is answered with an error status");
        }
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(new byte[] {0x7f, 0x00, 0x13, 0x37, 0x00, 0x00, 0x00, 0x01});
            socket.getOutputStream().flush();
            assertEquals(-1, readUntilClosed(socket), "the connection that sent garbage is closed");
        }

        provider.republish("svc.robust", "second");
        seen.awaitValues(List.of("second"));
    }

    private static int readUntilClosed(Socket socket) throws IOException {
        try {
            int b;
            do {
                b = socket.getInputStream().read();
            } while (b != -1);
            return b;
        } catch (EOFException | java.net.SocketException reset) {
            return -1;
        }
    }

    private RealClient client(String app) {
        return clients.start(discovery.port(), app);
    }

    /** What one subscriber's callbacks delivered, in order. */
    private static final class Observed implements Consumer<Map<String, List<String>>> {
        private final List<Map<String, List<String>>> calls = new CopyOnWriteArrayList<>();

        @Override
        public void accept(Map<String, List<String>> data) {
            calls.add(data);
        }

        int count() {
            return calls.size();
        }

        Map<String, List<String>> latest() {
            return calls.isEmpty() ? null : calls.get(calls.size() - 1);
        }

        List<String> latestValues() {
            Map<String, List<String>> latest = latest();
            return latest == null ? null : latest.values().stream().flatMap(List::stream).sorted().toList();
        }

        void awaitData(Map<String, List<String>> expected) {
            Eventually.await("a callback with " + expected, () -> Objects.equals(expected, latest()));
        }

        void awaitValues(List<String> expected) {
            Eventually.await("a callback with values " + expected + " (last: " + latest() + ")",
                    () -> Objects.equals(expected, latestValues()));
        }
    }
}
