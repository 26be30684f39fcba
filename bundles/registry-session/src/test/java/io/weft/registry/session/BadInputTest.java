package io.weft.registry.session;

import io.weft.codec.bolt.BoltHessianSlot;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.alipay.remoting.ResponseStatus;
import com.alipay.sofa.registry.core.model.PublisherRegister;
import io.weft.registry.session.connection.ClientLimits;
import io.weft.registry.session.connection.RefusalCounts;
import io.weft.registry.session.connection.RefusalCounts.ConnectionRefusal;
import io.weft.registry.session.connection.RefusalCounts.FrameRefusal;
import io.weft.registry.session.data.DatumVersions;
import io.weft.registry.session.data.LocalPersistentData;
import io.weft.registry.session.data.LocalSessionData;
import io.weft.registry.session.push.PushCounts;
import io.weft.registry.session.push.PushSwitch;
import io.weft.registry.session.realclient.BoltFrames;
import io.weft.registry.session.realclient.DiscoveryEndpoint;
import io.weft.registry.session.realclient.RealClient;
import io.weft.registry.session.realclient.RealClients;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Bad input on the client port (ARCHITECTURE §5): each kind is refused on its own connection, with an error
 * answer or by closing that connection, logged at ERROR (what goes to common-error.log) with the client's
 * address, counted, and afterwards the unmodified {@code registry-client-all} 6.5.6 still registers on the same
 * server and receives its push.
 */
class BadInputTest {

    /** Bolt's Hessian codec byte, owned as the codec bundle owns it in a node. */
    private final BoltHessianSlot hessian = BoltHessianSlot.open();

    private static final String GROUP = "SOFA";
    private static final String GADGET = "org.apache.commons.collections.functors.InvokerTransformer";
    /** Generous for a loopback peer to notice a close; it only bounds a broken run. */
    private static final int READ_TIMEOUT_MILLIS = 30_000;

    private final RefusalCounts refusals = new RefusalCounts();
    private final LogCapture log = new LogCapture("registry.session", "registry.connect");
    private final List<Socket> sockets = new ArrayList<>();
    private SessionServer server;
    private DiscoveryEndpoint discovery;
    private RealClients clients;

    private void start(ClientLimits limits, Clock clock) throws Exception {
        server = new SessionServer(hessian, SessionOptions.defaults("127.0.0.1").withPort(0).withLimits(limits),
                new LocalSessionData(new DatumVersions(System::currentTimeMillis)), new LocalPersistentData(),
                new PushSwitch(), () -> null, clock, new PushCounts(), refusals);
        server.start();
        discovery = new DiscoveryEndpoint(server.port());
        clients = new RealClients();
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
        if (clients != null) {
            clients.close();
        }
        if (discovery != null) {
            discovery.close();
        }
        if (server != null) {
            server.close();
            hessian.close();
        }
        log.close();
    }

    @Test
    @DisplayName("ARCHITECTURE §5, RCP-2: a frame announcing 64 MiB is refused from its header alone: the connection"
            + " closes, one ERROR line names the client and the size, a real client is still served")
    void oversizedFrame() throws Exception {
        start(ClientLimits.defaults(), Clock.systemUTC());
        Socket socket = connect("127.0.0.1");
        byte[] head = BoltFrames.requestHead(1, PublisherRegister.class.getName(), 64 * 1024 * 1024);

        write(socket, head);

        assertEquals(-1, readUntilClosed(socket), "closed without waiting for the body");
        long declared = head.length + 64L * 1024 * 1024;
        Eventually.await("the refusal logged", () -> log.errorsWith("closed 127.0.0.1:" + socket.getLocalPort(),
                declared + " bytes announced", ClientLimits.DEFAULT_MAX_FRAME_BYTES + " allowed").size() == 1);
        assertEquals(1L, refusals.frames().get(FrameRefusal.OVERSIZED));
        assertRealClientServed("svc.after-oversized");
    }

    @Test
    @DisplayName("ARCHITECTURE §5, RCP-1: a stream that is not Bolt (an HTTP request) closes its connection, is logged,"
            + " and a real client is still served")
    void garbage() throws Exception {
        start(ClientLimits.defaults(), Clock.systemUTC());
        Socket socket = connect("127.0.0.1");

        write(socket, "GET /api/servers/query HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

        assertEquals(-1, readUntilClosed(socket));
        Eventually.await("the refusal logged", () -> log.errorsWith("closed 127.0.0.1:" + socket.getLocalPort(),
                "malformed Bolt frame: unknown protocol code 0x47").size() == 1);
        assertEquals(1L, refusals.frames().get(FrameRefusal.MALFORMED));
        assertRealClientServed("svc.after-garbage");
    }

    @Test
    @DisplayName("ARCHITECTURE §5, RCP-2: a valid header with a truncated body: the connection closes, the truncated"
            + " frame is logged, and a real client is still served")
    void truncatedBody() throws Exception {
        start(ClientLimits.defaults(), Clock.systemUTC());
        Socket socket = connect("127.0.0.1");
        byte[] head = BoltFrames.requestHead(2, PublisherRegister.class.getName(), 100);

        write(socket, head);
        write(socket, new byte[10]);
        socket.shutdownOutput();

        assertEquals(-1, readUntilClosed(socket));
        Eventually.await("the truncated frame logged", () -> log.errorsWith("127.0.0.1:" + socket.getLocalPort()
                + " closed in the middle of a frame", (head.length + 10) + " of its " + (head.length + 100)).size() == 1);
        assertEquals(1L, refusals.frames().get(FrameRefusal.TRUNCATED));
        assertRealClientServed("svc.after-truncated");
    }

    @Test
    @DisplayName("ARCHITECTURE §5, RCP-5: a body naming a gadget class and a frame naming one are answered with errors,"
            + " counted, logged once for the client's address, and a real client is still served")
    void deniedClasses() throws Exception {
        start(ClientLimits.defaults(), Clock.systemUTC());
        Socket socket = connect("127.0.0.1");
        DataInputStream in = new DataInputStream(socket.getInputStream());

        write(socket, BoltFrames.request(3, BoltFrames.CMD_REQUEST, PublisherRegister.class.getName(),
                BoltFrames.hessianObjectNaming(GADGET)));
        BoltFrames.Response deniedBody = BoltFrames.readResponse(in);
        write(socket, BoltFrames.request(4, BoltFrames.CMD_REQUEST, GADGET, BoltFrames.hessian("x")));
        BoltFrames.Response unknownClass = BoltFrames.readResponse(in);

        assertEquals(ResponseStatus.SERVER_DESERIAL_EXCEPTION.getValue(), deniedBody.status());
        assertEquals(ResponseStatus.SERVER_EXCEPTION.getValue(), unknownClass.status());
        String client = "127.0.0.1:" + socket.getLocalPort();
        Eventually.await("the first answer logged", () -> log.errorsWith("answered request 3 from " + client,
                "SERVER_DESERIAL_EXCEPTION").size() == 1);
        // One line per address and interval: the second answer is counted, and told of in the address's next line.
        assertEquals(0, log.errorsWith("answered request 4").size(), log.errors()::toString);
        assertEquals(Map.of("SERVER_DESERIAL_EXCEPTION", 1L, "SERVER_EXCEPTION", 1L), refusals.errorResponses());
        assertRealClientServed("svc.after-gadget");
    }

    @Test
    @DisplayName("RCP-14, ARCHITECTURE §5: a reconnect flood from one address: connections past 50 in a second are"
            + " closed at once with one ERROR line for the address, and a real client on another address is served")
    void reconnectFlood() throws Exception {
        // A clock that stands still: every connect falls in the same second, whatever the machine's speed.
        start(ClientLimits.defaults(), Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC));
        int budget = ClientLimits.DEFAULT_MAX_NEW_CONNECTIONS_PER_IP_PER_SECOND;
        List<Socket> flood = new ArrayList<>();
        for (int i = 0; i < budget + 10; i++) {
            flood.add(connect("127.0.0.2"));
        }

        Eventually.await("10 connections refused", () -> refusals.connections().get(ConnectionRefusal.RATE) == 10);
        Eventually.await(budget + " connections admitted", () -> portsFrom("127.0.0.2").size() == budget);
        Set<Integer> admitted = portsFrom("127.0.0.2");
        for (Socket socket : flood) {
            if (!admitted.contains(socket.getLocalPort())) {
                assertEquals(-1, readUntilClosed(socket), "a refused connection is closed");
            }
        }
        assertEquals(1, log.errorsWith("refused new connections from 127.0.0.2", "more than " + budget).size(),
                log.errors()::toString);
        assertRealClientServed("svc.after-flood");
    }

    @Test
    @DisplayName("ARCHITECTURE §5: past the connection limit a new connection is closed at once and logged; once"
            + " connections close, a real client is served")
    void connectionLimit() throws Exception {
        start(new ClientLimits(ClientLimits.DEFAULT_MAX_PAYLOAD_BYTES, ClientLimits.DEFAULT_MAX_FRAME_BYTES, 50, 4),
                Clock.systemUTC());
        List<Socket> held = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            held.add(connect("127.0.0.3"));
        }
        Eventually.await("four connections open", () -> server.connections().size() == 4);

        Socket fifth = connect("127.0.0.3");

        assertEquals(-1, readUntilClosed(fifth));
        assertEquals(1L, refusals.connections().get(ConnectionRefusal.LIMIT));
        Eventually.await("the refusal logged", () -> log.errorsWith("refused a connection from 127.0.0.3:"
                + fifth.getLocalPort(), "4 client connections are open").size() == 1);
        for (Socket socket : held.subList(0, 3)) {
            socket.close();
        }
        Eventually.await("three connections closed", () -> server.connections().size() == 1);
        assertRealClientServed("svc.after-limit");
    }

    /** A real client subscribes and another publishes: the publication is pushed to the subscriber (RCP-7, RCP-11). */
    private void assertRealClientServed(String dataId) {
        List<List<String>> seen = new CopyOnWriteArrayList<>();
        clients.start(discovery.port(), "consumer").subscribe(dataId, GROUP,
                data -> seen.add(data.values().stream().flatMap(List::stream).sorted().toList()));
        RealClient provider = clients.start(discovery.port(), "provider");
        provider.publish(dataId, GROUP, "127.0.0.1:12200");

        Eventually.await("the push of " + dataId + " delivered",
                () -> !seen.isEmpty() && Objects.equals(List.of("127.0.0.1:12200"), seen.get(seen.size() - 1)));
    }

    private Set<Integer> portsFrom(String ip) {
        return server.connections().all().stream().map(c -> c.remoteAddress())
                .filter(address -> address.startsWith(ip + ":"))
                .map(address -> Integer.parseInt(address.substring(ip.length() + 1))).collect(Collectors.toSet());
    }

    /** A raw connection from {@code sourceIp} (any loopback address) to the client port. */
    private Socket connect(String sourceIp) throws IOException {
        Socket socket = new Socket();
        sockets.add(socket);
        socket.bind(new InetSocketAddress(sourceIp, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        return socket;
    }

    private static void write(Socket socket, byte[] bytes) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(bytes);
        out.flush();
    }

    /** @return -1 once the server closed the connection; a read timeout fails the test */
    private static int readUntilClosed(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        try {
            while (in.read() != -1) {
                // Bytes before the close (none expected) do not matter.
            }
            return -1;
        } catch (SocketException reset) {
            return -1;
        }
    }
}
