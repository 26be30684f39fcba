package io.weft.registry.session.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alipay.sofa.registry.core.model.ReceivedData;
import io.weft.registry.session.Eventually;
import io.weft.registry.session.data.DataInfoId;
import io.weft.registry.session.data.DatumVersions;
import io.weft.registry.session.data.LocalSessionData;
import io.weft.registry.session.data.Publication;
import io.weft.registry.session.register.RegistrationTable;
import io.weft.registry.session.register.Subscription;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DataPusherTest {

    private static final DataInfoId ID = new DataInfoId("svc", "inst", "SOFA");

    private final LocalSessionData data = new LocalSessionData(new DatumVersions(System::currentTimeMillis));
    private final RegistrationTable<Subscription> subscribers = new RegistrationTable<>();
    private final PushSwitch pushSwitch = new PushSwitch();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService executor;
    private DataPusher pusher;

    private record Sent(String connectionId, ReceivedData data, Consumer<Throwable> done) {
    }

    @BeforeEach
    void start() {
        executor = Executors.newSingleThreadScheduledExecutor();
        pusher = new DataPusher(data, subscribers, (connection, request, done) ->
                sent.add(new Sent(connection, (ReceivedData) request, done)), pushSwitch, executor,
                "DefaultDataCenter", 2, 10);
        data.listen((id, version) -> pusher.datumChanged(id));
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    @DisplayName("RCP-11: a new subscriber gets the current datum at once, even an empty one")
    void newSubscriber() {
        subscribe("s1", "c1");

        Eventually.await("a push", () -> sent.size() == 1);
        ReceivedData push = sent.get(0).data();
        assertEquals(List.of("s1"), push.getSubscriberRegistIds());
        assertEquals("DefaultDataCenter", push.getSegment());
        assertEquals(data.datum(ID).version(), push.getVersion());
        assertEquals("ZONE_A", push.getLocalZone());
    }

    @Test
    @DisplayName("RCP-11, RCP-12: a burst during a push in flight becomes one push of the newest version, never an older one")
    void coalesced() {
        subscribe("s1", "c1");
        Eventually.await("the first push", () -> sent.size() == 1);

        for (int i = 0; i < 20; i++) {
            data.putPublication(ID, new Publication("p", "c9", "ZONE_A", List.of("v" + i), i));
        }
        long newest = data.datum(ID).version();
        sent.get(0).done().accept(null);

        Eventually.await("a push of the newest version", () -> sent.get(sent.size() - 1).data().getVersion() == newest);
        assertTrue(sent.size() <= 3, "the burst was coalesced, pushes: " + sent.size());
        for (int i = 1; i < sent.size(); i++) {
            assertTrue(sent.get(i).data().getVersion() > sent.get(i - 1).data().getVersion(), "versions only rise");
        }
        assertEquals(List.of("v19"), sent.get(sent.size() - 1).data().getData().get("ZONE_A").stream()
                .map(box -> box.getData()).toList());
    }

    @Test
    @DisplayName("RCP-11: subscribers of one connection share a push; other connections get their own")
    void grouped() {
        subscribe("s1", "c1");
        subscribe("s2", "c1");
        subscribe("s3", "c2");

        Eventually.await("pushes to both connections", () -> sent.stream().map(Sent::connectionId).distinct().count() == 2);
        sent.forEach(s -> s.done().accept(null));
        int before = sent.size();
        data.putPublication(ID, new Publication("p", "c9", "ZONE_A", List.of("x"), 1));

        Eventually.await("one push per connection", () -> sent.size() == before + 2);
        Sent toC1 = sent.stream().skip(before).filter(s -> s.connectionId().equals("c1")).findFirst().orElseThrow();
        assertEquals(2, toC1.data().getSubscriberRegistIds().size());
    }

    @Test
    @DisplayName("REG-61: nothing is pushed while the switch is closed; opening it pushes the current datum")
    void pushSwitch() {
        pushSwitch.onReopen(pusher::reopened);
        pushSwitch.close();
        subscribe("s1", "c1");
        data.putPublication(ID, new Publication("p", "c9", "ZONE_A", List.of("x"), 1));
        // The push thread has handled the subscription and the change once this task runs after them.
        Eventually.await("the push thread idle", () -> {
            try {
                return executor.submit(() -> true).get();
            } catch (Exception e) {
                return false;
            }
        });
        assertEquals(0, sent.size());

        pushSwitch.open();

        Eventually.await("a push after opening", () -> sent.size() == 1);
        assertEquals(data.datum(ID).version(), sent.get(0).data().getVersion());
    }

    @Test
    @DisplayName("RCP-11, 0026: a push whose connection is not open (its client went, or this session is stopping)"
            + " is not tried again; a push that failed otherwise is")
    void closedConnectionNotRetried() throws Exception {
        subscribe("s1", "gone");
        subscribe("s2", "flaky");
        data.putPublication(ID, new Publication("p", "c9", "ZONE_A", List.of("x"), 1));
        Eventually.await("both pushed", () -> sent.size() == 2);

        for (Sent push : List.copyOf(sent)) {
            push.done().accept(push.connectionId().equals("gone") ? new ConnectionGoneException("gone")
                    : new IllegalStateException("time-out"));
        }

        Eventually.await("the other push tried again", () -> sent.stream().filter(p -> p.connectionId()
                .equals("flaky")).count() == 2);
        Thread.sleep(100); // ten times the retry delay
        assertEquals(1, sent.stream().filter(p -> p.connectionId().equals("gone")).count());
    }

    private void subscribe(String registId, String connection) {
        Subscription subscription = new Subscription(registId, connection, ID, "global", "ZONE_A", 1, "app");
        subscribers.put(subscription);
        pusher.subscribed(subscription);
    }
}
