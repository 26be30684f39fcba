package io.weft.registry.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weft.codec.bolt.BoltHessianSlot;
import io.weft.registry.session.data.DataInfoId;
import io.weft.registry.session.data.Datum;
import io.weft.registry.session.data.DatumListener;
import io.weft.registry.session.data.DatumVersions;
import io.weft.registry.session.data.LocalPersistentData;
import io.weft.registry.session.data.LocalSessionData;
import io.weft.registry.session.data.Publication;
import io.weft.registry.session.data.SessionData;
import io.weft.registry.session.push.PushSwitch;
import io.weft.registry.session.realclient.DiscoveryEndpoint;
import io.weft.registry.session.realclient.RealClient;
import io.weft.registry.session.realclient.RealClients;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A session that stops closes its clients' connections itself: that is no client leaving, so it sends no client-off
 * for them (the data servers keep their publications until the session process's lease ends there, and the clients
 * register them again through the next session process).
 */
class SessionStopTest {

    private final BoltHessianSlot hessian = BoltHessianSlot.open();
    private final RecordingData data = new RecordingData(new LocalSessionData(new DatumVersions(System::currentTimeMillis)));
    private final SessionServer server = new SessionServer(hessian, SessionOptions.defaults("127.0.0.1").withPort(0),
            data, new LocalPersistentData(), new PushSwitch(), () -> null, Clock.systemUTC());
    private RealClients clients;
    private DiscoveryEndpoint discovery;

    @AfterEach
    void stop() {
        server.close();
        if (clients != null) {
            clients.close();
        }
        if (discovery != null) {
            discovery.close();
        }
        hessian.close();
    }

    @Test
    @DisplayName("REG-36, REG-34: a client that disconnects is a client-off; the session stopping sends none for the"
            + " connections it closes")
    void stoppingSendsNoClientOff() throws Exception {
        server.start();
        discovery = new DiscoveryEndpoint(server.port());
        clients = new RealClients();

        RealClient leaving = clients.start(discovery.port(), "leaving");
        leaving.publish("svc.leaving", "SOFA", "10.0.0.1:12200");
        Eventually.await("the first client's publication", () -> data.publications == 1);
        leaving.close();
        Eventually.await("its disconnection is a client-off", () -> data.clientOffs.size() == 1);

        RealClient staying = clients.start(discovery.port(), "staying");
        staying.publish("svc.staying", "SOFA", "10.0.0.2:12200");
        Eventually.await("the second client's publication", () -> data.publications == 2);
        assertEquals(1, server.connections().size());

        server.close();

        Eventually.await("the session saw the connection it closed go", () -> server.connections().size() == 0);
        // The clean-up of a closed connection runs right after that, on the same event; give it ample time.
        Thread.sleep(500);
        assertEquals(1, data.clientOffs.size(), "client-offs: " + data.clientOffs);
        DataInfoId stayingId = new DataInfoId("svc.staying", "weft-test", "SOFA");
        assertEquals(1, data.current(stayingId).orElseThrow().publications().size(),
                "the stopped session's data layer still holds the staying client's publication");
    }

    /** The session's data layer, counting what the session asks of it. */
    private static final class RecordingData implements SessionData {

        private final SessionData delegate;
        private final List<String> clientOffs = new CopyOnWriteArrayList<>();
        private volatile int publications;

        RecordingData(SessionData delegate) {
            this.delegate = delegate;
        }

        @Override
        public void putPublication(DataInfoId id, Publication publication) {
            publications++;
            delegate.putPublication(id, publication);
        }

        @Override
        public void removePublication(DataInfoId id, String registId) {
            delegate.removePublication(id, registId);
        }

        @Override
        public void removeConnection(String connectionId) {
            clientOffs.add(connectionId);
            delegate.removeConnection(connectionId);
        }

        @Override
        public Optional<Datum> current(DataInfoId id) {
            return delegate.current(id);
        }

        @Override
        public AutoCloseable listen(DatumListener listener) {
            return delegate.listen(listener);
        }
    }
}
