package io.weft.registry.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alipay.remoting.exception.CodecException;
import com.caucho.hessian.io.Hessian2Output;
import com.caucho.hessian.io.SerializerFactory;
import io.weft.codec.bolt.SafeBoltSerializer;
import io.weft.codec.hessian.SafeHessian;
import java.io.ByteArrayOutputStream;
import java.io.Serializable;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every message of decision record 0021 through the safe Hessian serializer the Bolt ports install. */
class MessageRoundTripTest {

    /** The classes decision record 0021 names, in its order, then the batches of 0027. */
    private static final List<String> DECISION_0021 = List.of("NodeHeartbeat", "ClusterView", "Ping",
            "SlotTableView", "SlotView", "PersistentEntry", "PublishRequest", "PublisherEntry", "UnpublishRequest",
            "ClientOffRequest", "DataReply", "GetDatumRequest", "DatumView", "SessionLeaseRenew", "DatumChanged",
            "GetDatumVersionsRequest", "DatumVersions", "ReplicateRequest", "SlotSyncRequest", "SlotSnapshot",
            "PublicationBatch", "PublicationBatchReply", "ViewChanged",
            "DatumChangedBatch", "ReplicateBatch", "ReplicateBatchReply");

    private final SafeBoltSerializer serializer =
            new SafeBoltSerializer(new SafeHessian(ProtocolClasses.ALLOWED, SafeHessian.DEFAULT_MAX_PAYLOAD_BYTES));

    static Stream<Class<?>> messages() {
        return ProtocolClasses.MESSAGES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    @DisplayName("0021: a message with every field set reads back equal through SafeBoltSerializer")
    void roundTrip(Class<?> type) throws Exception {
        Object sent = new MessageFiller().filled(type);

        Object read = serializer.deserialize(serializer.serialize(sent), type.getName());

        assertInstanceOf(type, read);
        assertNull(MessageFiller.difference(type.getSimpleName(), sent, read));
        assertEquals(sent.toString(), read.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    @DisplayName("0021: a fresh message (empty lists, null strings) reads back equal")
    void roundTripEmpty(Class<?> type) throws Exception {
        Object sent = type.getConstructor().newInstance();

        Object read = serializer.deserialize(serializer.serialize(sent), type.getName());

        assertNull(MessageFiller.difference(type.getSimpleName(), sent, read));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    @DisplayName("0021: messages are final, Serializable, with a public no-argument constructor")
    void shape(Class<?> type) throws Exception {
        assertTrue(Modifier.isFinal(type.getModifiers()), "final");
        assertTrue(Serializable.class.isAssignableFrom(type), "Serializable");
        assertTrue(Modifier.isPublic(type.getConstructor().getModifiers()), "public constructor");
    }

    @Test
    @DisplayName("0021, 0027: the allow list holds exactly the decisions' messages and the JDK values")
    void allowList() {
        List<String> names = ProtocolClasses.MESSAGES.stream().map(Class::getSimpleName).toList();
        assertEquals(DECISION_0021, names);
        assertEquals(DECISION_0021.size() + 2, ProtocolClasses.ALLOWED.size());
        assertTrue(ProtocolClasses.ALLOWED.containsAll(List.of("java.util.", "java.lang.")));
        assertEquals(ProtocolClasses.ALLOWED.size() + 1,
                ProtocolClasses.allowListWith(List.of("java.util.", "com.example.Other")).size());
    }

    @Test
    @DisplayName("ARCHITECTURE §5: a body naming a class outside the protocol is refused by name")
    void foreignClassRefused() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Hessian2Output out = new Hessian2Output(bytes);
        out.setSerializerFactory(new SerializerFactory());
        out.writeMapBegin("java.net.InetAddress");
        out.writeMapEnd();
        out.close();

        CodecException refused = assertThrows(CodecException.class,
                () -> serializer.deserialize(bytes.toByteArray(), PublishRequest.class.getName()));

        assertTrue(refused.getMessage().contains("java.net.InetAddress"), refused.getMessage());
    }

    @Test
    @DisplayName("ARCHITECTURE §5: a body naming a deserialisation gadget is refused even though java.lang is allowed")
    void gadgetRefused() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Hessian2Output out = new Hessian2Output(bytes);
        out.setSerializerFactory(new SerializerFactory());
        out.writeMapBegin("java.lang.ProcessBuilder");
        out.writeMapEnd();
        out.close();

        CodecException refused = assertThrows(CodecException.class,
                () -> serializer.deserialize(bytes.toByteArray(), PublishRequest.class.getName()));

        assertTrue(refused.getMessage().contains("deny list"), refused.getMessage());
    }

    @Test
    @DisplayName("0021: a cluster view without a slot table (the sender's epoch is current) reads back without one")
    void clusterViewWithoutTable() throws Exception {
        ClusterView view = new ClusterView();
        view.setSuccess(false);
        view.setMessage(ReplyMessages.NOT_LEADER);
        view.setLeader("10.0.0.2:9611");

        ClusterView read = (ClusterView) serializer.deserialize(serializer.serialize(view),
                ClusterView.class.getName());

        assertNull(read.getSlotTable());
        assertEquals("not leader", read.getMessage());
        assertEquals(List.of(), read.getDataNodes());
    }
}
