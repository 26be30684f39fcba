package io.weft.registry.session.connection;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.alipay.sofa.registry.core.model.PublisherRegister;
import com.alipay.sofa.registry.core.model.RegisterResponse;
import io.weft.codec.bolt.BoltHessianSlot;
import io.weft.registry.session.data.DatumVersions;
import io.weft.registry.session.data.LocalSessionData;
import io.weft.registry.session.realclient.BoltFrames;
import io.weft.registry.session.register.ConfiguratorRegistration;
import io.weft.registry.session.register.RegisterHandler;
import io.weft.registry.session.register.Registration;
import io.weft.registry.session.register.RegistrationListener;
import io.weft.registry.session.register.Registrations;
import io.weft.registry.session.register.SignatureCheck;
import io.weft.registry.session.register.Subscription;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.Socket;
import java.time.Clock;
import java.util.Collection;
import java.util.List;

/** A started client port over {@code registrations}, and the raw Bolt frames the port tests send it. */
final class TestPort {

    private TestPort() {
    }

    /** A started port on a free loopback port, keeping what it applies in {@code registrations}. */
    static BoltSessionServer start(BoltHessianSlot hessian, Registrations registrations) {
        RegisterHandler handler = new RegisterHandler(registrations,
                new LocalSessionData(new DatumVersions(System::currentTimeMillis)), new RegistrationListener() {
                    @Override
                    public void subscribed(Subscription subscription) {
                    }

                    @Override
                    public void watching(ConfiguratorRegistration configurator) {
                    }

                    @Override
                    public void removed(Collection<? extends Registration> gone) {
                    }
                }, new SignatureCheck(false, () -> null), "ZONE_A");
        BoltSessionServer port = new BoltSessionServer(hessian, "127.0.0.1", 0, new ClientLimits(4096, 8192, 50, 100),
                3000, "DC1", 30_000, handler, new RefusalCounts(), Clock.systemUTC());
        port.start();
        return port;
    }

    /** A PublisherRegister frame for {@code dataId} with no data. */
    static byte[] publish(int requestId, String registId, String dataId) throws IOException {
        PublisherRegister register = new PublisherRegister();
        register.setRegistId(registId);
        register.setDataId(dataId);
        register.setGroup("SOFA");
        register.setInstanceId("DEFAULT_INSTANCE_ID");
        register.setEventType("REGISTER");
        register.setVersion(1L);
        register.setTimestamp(System.currentTimeMillis());
        register.setDataList(List.of());
        return BoltFrames.request(requestId, BoltFrames.CMD_REQUEST, PublisherRegister.class.getName(),
                BoltFrames.hessian(register));
    }

    static void send(Socket socket, byte[] frame) throws IOException {
        socket.getOutputStream().write(frame);
        socket.getOutputStream().flush();
    }

    static RegisterResponse response(DataInputStream in) throws IOException {
        return assertInstanceOf(RegisterResponse.class, BoltFrames.readResponse(in).body());
    }
}
