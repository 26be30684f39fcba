package io.weft.registry.session.connection;

import io.weft.codec.bolt.BoltHessianSlot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alipay.remoting.ResponseStatus;
import com.alipay.sofa.registry.core.model.PublisherRegister;
import com.alipay.sofa.registry.core.model.RegisterResponse;
import com.alipay.sofa.registry.core.model.SubscriberRegister;
import com.alipay.sofa.registry.core.model.SyncConfigRequest;
import com.alipay.sofa.registry.core.model.SyncConfigResponse;
import io.weft.registry.session.Eventually;
import io.weft.registry.session.LogCapture;
import io.weft.registry.session.SessionOptions;
import io.weft.registry.session.SessionServer;
import io.weft.registry.session.data.DatumVersions;
import io.weft.registry.session.data.LocalPersistentData;
import io.weft.registry.session.data.LocalSessionData;
import io.weft.registry.session.push.PushSwitch;
import io.weft.registry.session.register.Subscription;
import io.weft.registry.session.realclient.BoltFrames;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.Socket;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The client port spoken to frame by frame (RCP-1..RCP-4, RCP-9). */
class BoltPortTest {

    /** Bolt's Hessian codec byte, owned as the codec bundle owns it in a node. */
    private final BoltHessianSlot hessian = BoltHessianSlot.open();

    private SessionServer server;
    private Socket socket;
    private DataInputStream in;

    @BeforeEach
    void start() throws IOException {
        SessionOptions options = new SessionOptions("127.0.0.1", 0, "DC1", "ZONE_A", false,
                new ClientLimits(4096, 8192, 50, 100), 3000, 5, 1000, 30_000);
        server = new SessionServer(hessian, options, new LocalSessionData(new DatumVersions(System::currentTimeMillis)),
                new LocalPersistentData(), new PushSwitch(), () -> null, Clock.systemUTC());
        server.start();
        socket = new Socket("127.0.0.1", server.port());
        in = new DataInputStream(socket.getInputStream());
    }

    @AfterEach
    void stop() throws IOException {
        socket.close();
        server.close();
        hessian.close();
    }

    @Test
    @DisplayName("RCP-4: a Bolt heartbeat is acknowledged")
    void heartbeat() throws IOException {
        send(BoltFrames.request(11, BoltFrames.CMD_HEARTBEAT, null, null));

        BoltFrames.Response ack = BoltFrames.readResponse(in);

        assertEquals(BoltFrames.CMD_HEARTBEAT, ack.cmdCode());
        assertEquals(11, ack.requestId());
        assertEquals(0, ack.status());
    }

    @Test
    @DisplayName("RCP-9: SyncConfigRequest is answered with this data center as the only segment")
    void syncConfig() throws IOException {
        SyncConfigRequest request = new SyncConfigRequest();
        request.setDataCenter("DC1");
        request.setZone("ZONE_A");
        send(BoltFrames.request(12, BoltFrames.CMD_REQUEST, SyncConfigRequest.class.getName(), BoltFrames.hessian(request)));

        BoltFrames.Response response = BoltFrames.readResponse(in);

        assertEquals(0, response.status());
        SyncConfigResponse answer = assertInstanceOf(SyncConfigResponse.class, response.body());
        assertTrue(answer.isSuccess());
        assertEquals(List.of("DC1"), answer.getAvailableSegments());
        assertEquals(30_000, answer.getRetryInterval());
    }

    @Test
    @DisplayName("RCP-2, RCP-8: a SubscriberRegister frame is routed by its class name and answered")
    void registerFrame() throws IOException {
        SubscriberRegister register = new SubscriberRegister();
        register.setRegistId("s1");
        register.setDataId("svc");
        register.setGroup("SOFA");
        register.setEventType("REGISTER");
        register.setScope("global");
        register.setVersion(3L);
        send(BoltFrames.request(13, BoltFrames.CMD_REQUEST, SubscriberRegister.class.getName(), BoltFrames.hessian(register)));

        BoltFrames.Response response = BoltFrames.readResponse(in);

        RegisterResponse answer = assertInstanceOf(RegisterResponse.class, response.body());
        assertTrue(answer.isSuccess());
        assertEquals(3L, answer.getVersion());
        assertEquals(1, server.registrations().subscribers().size());
        Eventually.await("the connection tracked", () -> server.connections().size() == 1);
        assertEquals(socket.getLocalPort(), Integer.parseInt(server.connections().all().get(0).remoteAddress().split(":")[1]));
    }

    @Test
    @DisplayName("ARCHITECTURE §5: a body above the size limit is answered with an error, and the connection keeps serving")
    void oversize() throws IOException {
        send(BoltFrames.request(14, BoltFrames.CMD_REQUEST, SyncConfigRequest.class.getName(), new byte[5000]));

        BoltFrames.Response refused = BoltFrames.readResponse(in);
        assertEquals(14, refused.requestId());
        assertTrue(refused.status() != 0, "error status");

        send(BoltFrames.request(15, BoltFrames.CMD_HEARTBEAT, null, null));
        assertEquals(15, BoltFrames.readResponse(in).requestId());
    }

    @Test
    @DisplayName("RCP-8: a PublisherRegister frame without dataId and group is answered success=false with the reason,"
            + " logged at ERROR")
    void missingFieldsOverTheWire() throws IOException {
        PublisherRegister register = new PublisherRegister();
        register.setRegistId("p1");
        register.setEventType("REGISTER");
        register.setVersion(4L);

        try (LogCapture log = new LogCapture("registry.session")) {
            send(BoltFrames.request(16, BoltFrames.CMD_REQUEST, PublisherRegister.class.getName(),
                    BoltFrames.hessian(register)));
            send(BoltFrames.request(17, BoltFrames.CMD_REQUEST, PublisherRegister.class.getName(), null));

            // The workers answer in parallel: the answers may come in either order.
            Map<Integer, RegisterResponse> answers = new HashMap<>();
            for (int i = 0; i < 2; i++) {
                BoltFrames.Response response = BoltFrames.readResponse(in);
                answers.put(response.requestId(), assertInstanceOf(RegisterResponse.class, response.body()));
            }
            RegisterResponse missing = answers.get(16);
            RegisterResponse empty = answers.get(17);

            assertFalse(missing.isSuccess());
            assertFalse(missing.isRefused());
            assertEquals("p1", missing.getRegistId());
            assertEquals(4L, missing.getVersion());
            assertEquals("registration refused: missing dataId, group", missing.getMessage());
            assertFalse(empty.isSuccess());
            assertEquals("registration refused: the request has no body", empty.getMessage());
            assertEquals(1, log.errorsWith("Publisher from 127.0.0.1:" + socket.getLocalPort(), "missing dataId, group")
                    .size(), log.errors()::toString);
        }
        assertEquals(0, server.registrations().publishers().size());
    }

    @Test
    @DisplayName("ARCHITECTURE §5, RCP-5: a body naming a denied class is answered with Bolt's deserialisation error,"
            + " logged with the client's address; the connection keeps serving")
    void deniedClassInBody() throws IOException {
        try (LogCapture log = new LogCapture("registry.session")) {
            send(BoltFrames.request(18, BoltFrames.CMD_REQUEST, PublisherRegister.class.getName(),
                    BoltFrames.hessianObjectNaming("org.apache.commons.collections.functors.InvokerTransformer")));

            BoltFrames.Response refused = BoltFrames.readResponse(in);

            assertEquals(18, refused.requestId());
            assertEquals(ResponseStatus.SERVER_DESERIAL_EXCEPTION.getValue(), refused.status());
            Eventually.await("the error answer logged", () -> log.errorsWith("answered request 18 from 127.0.0.1:"
                    + socket.getLocalPort(), "SERVER_DESERIAL_EXCEPTION").size() == 1);
        }
        send(BoltFrames.request(19, BoltFrames.CMD_HEARTBEAT, null, null));
        assertEquals(19, BoltFrames.readResponse(in).requestId());
        assertEquals(0, server.registrations().publishers().size());
    }

    @Test
    @DisplayName("RCP-2: a body of another class than the frame names is answered with an error naming both")
    void bodyOfAnotherClass() throws IOException {
        try (LogCapture log = new LogCapture("registry.session")) {
            send(BoltFrames.request(20, BoltFrames.CMD_REQUEST, PublisherRegister.class.getName(),
                    BoltFrames.hessian(new SyncConfigRequest())));

            BoltFrames.Response refused = BoltFrames.readResponse(in);

            assertEquals(20, refused.requestId());
            assertEquals(ResponseStatus.SERVER_EXCEPTION.getValue(), refused.status());
            String error = String.valueOf(refused.body());
            assertTrue(error.contains("SyncConfigRequest, not the " + PublisherRegister.class.getName()), error);
            Eventually.await("the error answer logged",
                    () -> log.errorsWith("answered request 20 from 127.0.0.1:", "SERVER_EXCEPTION").size() == 1);
        }
    }

    @Test
    @DisplayName("RCP-14: a session closed with a hand-over keeps its clients' connections until the next one listens;"
            + " what they send meanwhile is acknowledged and not applied (the client sends it again after"
            + " reconnecting), then the connection closes")
    void handover() throws IOException {
        send(BoltFrames.request(31, BoltFrames.CMD_REQUEST, SubscriberRegister.class.getName(),
                BoltFrames.hessian(subscriber("before"))));
        assertTrue(assertInstanceOf(RegisterResponse.class, BoltFrames.readResponse(in).body()).isSuccess());
        int port = server.port();

        server.close(5_000);
        SessionServer next = new SessionServer(hessian, server.options().withPort(port),
                new LocalSessionData(new DatumVersions(System::currentTimeMillis)), new LocalPersistentData(),
                new PushSwitch(), () -> null, Clock.systemUTC());
        next.start();
        // The next session serves new connections while the old one is still open.
        try (Socket fresh = new Socket("127.0.0.1", port)) {
            fresh.getOutputStream().write(BoltFrames.request(34, BoltFrames.CMD_REQUEST,
                    SubscriberRegister.class.getName(), BoltFrames.hessian(subscriber("after"))));
            DataInputStream freshIn = new DataInputStream(fresh.getInputStream());
            assertTrue(assertInstanceOf(RegisterResponse.class, BoltFrames.readResponse(freshIn).body()).isSuccess());
            // The old connection is still open (Bolt answers its heartbeat); a registration on it is acknowledged,
            // so that a busy client gets through its queue and waits idle for the close, but not taken.
            send(BoltFrames.request(32, BoltFrames.CMD_HEARTBEAT, null, null));
            assertEquals(32, BoltFrames.readResponse(in).requestId());
            send(BoltFrames.request(33, BoltFrames.CMD_REQUEST, SubscriberRegister.class.getName(),
                    BoltFrames.hessian(subscriber("during"))));
            RegisterResponse during = assertInstanceOf(RegisterResponse.class, BoltFrames.readResponse(in).body());
            assertTrue(during.isSuccess() && !during.isRefused(), during.getMessage());
            assertEquals("during", during.getRegistId());
            assertTrue(during.getMessage().contains("hand-over"), during.getMessage());
            socket.setSoTimeout(30_000);
            assertEquals(-1, in.read(), "the hand-over closed the connection");
            assertEquals(List.of("after"), next.registrations().subscribers().all().stream()
                    .map(Subscription::registId).toList(), "only the registration on the new connection");
        } finally {
            next.close();
        }
    }

    @Test
    @DisplayName("RCP-14: a session closed without a hand-over closes its clients' connections with its port")
    void noHandover() throws IOException {
        send(BoltFrames.request(41, BoltFrames.CMD_HEARTBEAT, null, null));
        BoltFrames.readResponse(in);

        server.close(0);

        socket.setSoTimeout(30_000);
        assertEquals(-1, in.read(), "the server closed the connection");
    }

    private static SubscriberRegister subscriber(String registId) {
        SubscriberRegister register = new SubscriberRegister();
        register.setRegistId(registId);
        register.setDataId("svc.handover");
        register.setGroup("SOFA");
        register.setEventType("REGISTER");
        register.setScope("global");
        register.setVersion(1L);
        return register;
    }

    private void send(byte[] frame) throws IOException {
        socket.getOutputStream().write(frame);
        socket.getOutputStream().flush();
    }
}
