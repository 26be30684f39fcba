package io.weft.registry.session.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alipay.sofa.registry.core.model.RegisterResponse;
import com.alipay.sofa.registry.core.model.SubscriberRegister;
import com.alipay.sofa.registry.core.model.SyncConfigRequest;
import com.alipay.sofa.registry.core.model.SyncConfigResponse;
import io.weft.registry.session.Eventually;
import io.weft.registry.session.SessionOptions;
import io.weft.registry.session.SessionServer;
import io.weft.registry.session.data.DatumVersions;
import io.weft.registry.session.data.LocalPersistentData;
import io.weft.registry.session.data.LocalSessionData;
import io.weft.registry.session.push.PushSwitch;
import io.weft.registry.session.realclient.BoltFrames;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.Socket;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The client port spoken to frame by frame (RCP-1..RCP-4, RCP-9). */
class BoltPortTest {

    private SessionServer server;
    private Socket socket;
    private DataInputStream in;

    @BeforeEach
    void start() throws IOException {
        SessionOptions options = new SessionOptions("127.0.0.1", 0, "DC1", "ZONE_A", false, 4096, 3000, 5, 1000, 30_000);
        server = new SessionServer(options, new LocalSessionData(new DatumVersions(System::currentTimeMillis)),
                new LocalPersistentData(), new PushSwitch(), () -> null, Clock.systemUTC());
        server.start();
        socket = new Socket("127.0.0.1", server.port());
        in = new DataInputStream(socket.getInputStream());
    }

    @AfterEach
    void stop() throws IOException {
        socket.close();
        server.close();
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

    private void send(byte[] frame) throws IOException {
        socket.getOutputStream().write(frame);
        socket.getOutputStream().flush();
    }
}
