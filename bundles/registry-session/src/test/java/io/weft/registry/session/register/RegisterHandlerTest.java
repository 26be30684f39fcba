package io.weft.registry.session.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alipay.sofa.registry.core.model.BaseRegister;
import com.alipay.sofa.registry.core.model.DataBox;
import com.alipay.sofa.registry.core.model.PublisherRegister;
import com.alipay.sofa.registry.core.model.RegisterResponse;
import com.alipay.sofa.registry.core.model.SubscriberRegister;
import io.weft.api.osp.AccessKey;
import io.weft.api.osp.RequestSigning;
import io.weft.api.osp.SignatureVerifier;
import io.weft.api.osp.Verification;
import io.weft.registry.session.LogCapture;
import io.weft.registry.session.data.DataInfoId;
import io.weft.registry.session.data.DatumVersions;
import io.weft.registry.session.data.LocalSessionData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RegisterHandlerTest {

    private static final String CONNECTION = "127.0.0.1:50000";
    private static final DataInfoId ID = new DataInfoId("svc", "inst", "SOFA");

    private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);
    private final LocalSessionData data = new LocalSessionData(new DatumVersions(clock::get));
    private final Registrations registrations = new Registrations();
    private final List<String> events = new ArrayList<>();
    private final RegistrationListener listener = new RegistrationListener() {
        @Override
        public void subscribed(Subscription subscription) {
            events.add("subscribed " + subscription.registId());
        }

        @Override
        public void watching(ConfiguratorRegistration configurator) {
            events.add("watching " + configurator.registId());
        }

        @Override
        public void removed(Collection<? extends Registration> gone) {
            gone.forEach(r -> events.add("removed " + r.registId()));
        }
    };

    private RegisterHandler handler(SignatureCheck signatures) {
        return new RegisterHandler(registrations, data, listener, signatures, "ZONE_A");
    }

    @Test
    @DisplayName("RCP-8: the answer echoes the registId and the request's version")
    void echoes() {
        RegisterResponse response = handler(SignatureCheck.off()).publisher(publisher("p1", 7L, "a"), CONNECTION);

        assertTrue(response.isSuccess());
        assertFalse(response.isRefused());
        assertEquals("p1", response.getRegistId());
        assertEquals(7L, response.getVersion());
        assertEquals(List.of("a"), data.datum(ID).dataByZone().get("ZONE_A"));
    }

    @Test
    @DisplayName("RCP-7: an update needs a higher version; a lower or equal one is acknowledged and ignored")
    void versions() {
        RegisterHandler handler = handler(SignatureCheck.off());
        handler.publisher(publisher("p1", 2L, "v2"), CONNECTION);
        long version = data.datum(ID).version();

        RegisterResponse older = handler.publisher(publisher("p1", 1L, "v1"), CONNECTION);
        RegisterResponse same = handler.publisher(publisher("p1", 2L, "v2-again"), CONNECTION);

        assertTrue(older.isSuccess());
        assertEquals(1L, older.getVersion());
        assertTrue(same.isSuccess());
        assertEquals(version, data.datum(ID).version(), "nothing changed");
        assertEquals(List.of("v2"), data.datum(ID).dataByZone().get("ZONE_A"));

        clock.addAndGet(5);
        handler.publisher(publisher("p1", 3L, "v3"), CONNECTION);
        assertEquals(List.of("v3"), data.datum(ID).dataByZone().get("ZONE_A"));
        assertTrue(data.datum(ID).version() > version);
    }

    @Test
    @DisplayName("RCP-14: the same registration replayed on a new connection moves to it")
    void replayOnReconnect() {
        RegisterHandler handler = handler(SignatureCheck.off());
        handler.publisher(publisher("p1", 1L, "a"), CONNECTION);
        handler.publisher(publisher("p1", 1L, "a"), "127.0.0.1:50001");

        handler.connectionClosed(CONNECTION);

        assertEquals(List.of("a"), data.datum(ID).dataByZone().get("ZONE_A"), "the replayed publication stays");
    }

    @Test
    @DisplayName("RCP-8: a missing required field is success=false with the reason, not refused")
    void missingFields() {
        PublisherRegister incomplete = publisher("p1", 1L, "a");
        incomplete.setDataId(null);
        incomplete.setGroup(" ");

        RegisterResponse response = handler(SignatureCheck.off()).publisher(incomplete, CONNECTION);

        assertFalse(response.isSuccess());
        assertFalse(response.isRefused());
        assertEquals("registration refused: missing dataId, group", response.getMessage());
        assertEquals(0, registrations.publishers().size());
    }

    @Test
    @DisplayName("RCP-8: a registration without registId, dataId and eventType, or an empty body, is answered"
            + " success=false and logged at ERROR")
    void incompleteLogged() {
        SubscriberRegister incomplete = subscriber(null);
        incomplete.setDataId("");
        incomplete.setEventType(null);
        RegisterHandler handler = handler(SignatureCheck.off());

        try (LogCapture log = new LogCapture("registry.session")) {
            RegisterResponse missing = handler.subscriber(incomplete, CONNECTION);
            RegisterResponse empty = handler.publisher(null, CONNECTION);

            assertFalse(missing.isSuccess());
            assertFalse(missing.isRefused(), "the client keeps it and tries again");
            assertEquals("registration refused: missing registId, dataId, eventType", missing.getMessage());
            assertFalse(empty.isSuccess());
            assertEquals("registration refused: the request has no body", empty.getMessage());
            assertEquals(1, log.errorsWith("Subscriber from " + CONNECTION, "missing registId, dataId, eventType")
                    .size(), log.errors()::toString);
            assertEquals(1, log.errorsWith("Publisher from " + CONNECTION, "no body").size(), log.errors()::toString);
        }
        assertEquals(0, registrations.subscribers().size());
        assertEquals(0, registrations.publishers().size());
    }

    @Test
    @DisplayName("RCP-7: UNREGISTER removes the publisher and the subscriber")
    void unregister() {
        RegisterHandler handler = handler(SignatureCheck.off());
        handler.publisher(publisher("p1", 1L, "a"), CONNECTION);
        handler.subscriber(subscriber("s1"), CONNECTION);

        PublisherRegister unpublish = publisher("p1", 2L);
        unpublish.setEventType("UNREGISTER");
        SubscriberRegister unsubscribe = subscriber("s1");
        unsubscribe.setEventType("UNREGISTER");
        assertTrue(handler.publisher(unpublish, CONNECTION).isSuccess());
        assertTrue(handler.subscriber(unsubscribe, CONNECTION).isSuccess());

        assertEquals(Map.of(), data.datum(ID).dataByZone());
        assertEquals(List.of("subscribed s1", "removed s1"), events);
    }

    @Test
    @DisplayName("RCP-17: a registration without instanceId is in DEFAULT_INSTANCE_ID")
    void defaultInstance() {
        PublisherRegister register = publisher("p1", 1L, "a");
        register.setInstanceId(null);

        handler(SignatureCheck.off()).publisher(register, CONNECTION);

        assertEquals("svc#@#DEFAULT_INSTANCE_ID#@#SOFA",
                registrations.publishers().get("p1").id().toString());
    }

    @Test
    @DisplayName("REG-36, RCP-21: a closed connection's publishers and subscribers are removed")
    void connectionClosed() {
        RegisterHandler handler = handler(SignatureCheck.off());
        handler.publisher(publisher("p1", 1L, "a"), CONNECTION);
        handler.publisher(publisher("p2", 1L, "b"), "127.0.0.1:50001");
        handler.subscriber(subscriber("s1"), CONNECTION);

        handler.connectionClosed(CONNECTION);

        assertEquals(List.of("b"), data.datum(ID).dataByZone().get("ZONE_A"));
        assertEquals(0, registrations.subscribers().size());
        assertTrue(events.contains("removed s1"));
    }

    @Test
    @DisplayName("REG-26, REG-90: with signatures required, a bad signature is refused=true with the reason")
    void badSignatureRefused() {
        RegisterHandler handler = handler(new SignatureCheck(true, () -> verifier("secret")));
        PublisherRegister register = signed(publisher("p1", 1L, "a"), "wrong-secret");

        RegisterResponse response = handler.publisher(register, CONNECTION);

        assertFalse(response.isSuccess());
        assertTrue(response.isRefused());
        assertTrue(response.getMessage().contains("BAD_SIGNATURE"), response.getMessage());
        assertEquals(0, registrations.publishers().size());
    }

    @Test
    @DisplayName("REG-26, REG-90: with signatures required, a good signature registers and an unsigned one is refused")
    void goodSignatureAccepted() {
        RegisterHandler handler = handler(new SignatureCheck(true, () -> verifier("secret")));

        assertTrue(handler.publisher(signed(publisher("p1", 1L, "a"), "secret"), CONNECTION).isSuccess());
        RegisterResponse unsigned = handler.subscriber(subscriber("s1"), CONNECTION);
        assertTrue(unsigned.isRefused());
        assertTrue(unsigned.getMessage().startsWith("signature required"), unsigned.getMessage());
    }

    /** Checks the HMAC like the OSP verifier does, for one key "AK" with {@code secret}. */
    private static SignatureVerifier verifier(String secret) {
        return request -> {
            String expected = RequestSigning.sign(secret,
                    RequestSigning.stringToSign(request.instanceId(), request.timestamp(), request.content()));
            return expected.equals(request.signature()) && "AK".equals(request.accessKeyId())
                    ? Verification.accepted(new AccessKey("AK", "inst", Set.of("*"), Instant.EPOCH, null))
                    : Verification.refused(Verification.Reason.BAD_SIGNATURE, "signature of AK does not match");
        };
    }

    private static PublisherRegister signed(PublisherRegister register, String secret) {
        long timestamp = RequestSigning.registryTimestamp(System.currentTimeMillis());
        Map<String, String> attributes = new HashMap<>();
        attributes.put(RequestSigning.ACCESS_KEY_ATTRIBUTE, "AK");
        attributes.put(RequestSigning.ALGORITHM_ATTRIBUTE, RequestSigning.HMAC_SHA256);
        attributes.put(RequestSigning.TIMESTAMP_ATTRIBUTE, Long.toString(timestamp));
        attributes.put(RequestSigning.SIGNATURE_ATTRIBUTE,
                RequestSigning.sign(secret, RequestSigning.stringToSign(register.getInstanceId(), timestamp, "")));
        register.setAttributes(attributes);
        return register;
    }

    private static PublisherRegister publisher(String registId, Long version, String... values) {
        PublisherRegister register = base(new PublisherRegister(), registId, version);
        List<DataBox> boxes = new ArrayList<>();
        for (String value : values) {
            boxes.add(new DataBox(value));
        }
        register.setDataList(boxes);
        return register;
    }

    private static SubscriberRegister subscriber(String registId) {
        SubscriberRegister register = base(new SubscriberRegister(), registId, 1L);
        register.setScope("global");
        return register;
    }

    private static <T extends BaseRegister> T base(T register, String registId, Long version) {
        register.setRegistId(registId);
        register.setDataId("svc");
        register.setGroup("SOFA");
        register.setInstanceId("inst");
        register.setEventType("REGISTER");
        register.setVersion(version);
        return register;
    }
}
