package io.weft.codec.bolt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.alipay.remoting.exception.CodecException;
import com.alipay.remoting.serialization.Serializer;
import com.alipay.remoting.serialization.SerializerManager;

import io.weft.codec.hessian.SafeHessian;

class BoltHessianSlotTest {

    @Test
    @DisplayName("ARCHITECTURE §5: two services share Bolt's Hessian byte; each frame is read by the allow list"
            + " of the service its class belongs to, and a class nobody registered is refused")
    void framesRoutedByClassName() throws Exception {
        Serializer before = SerializerManager.getSerializer(SerializerManager.Hessian2);
        try (BoltHessianSlot slot = BoltHessianSlot.open()) {
            Serializer bolt = SerializerManager.getSerializer(SerializerManager.Hessian2);
            SafeHessian lists = new SafeHessian(List.of("java.util.ArrayList", "java.lang."), 4096);
            SafeHessian strings = new SafeHessian(List.of("java.lang.String"), 4096);
            BoltHessian.Registration listsOnly = slot.register(lists);
            List<String> refusals = new ArrayList<>();
            slot.register(strings, (className, reason) -> refusals.add(className));

            assertSame(strings, slot.reader("java.lang.String"), "the most specific prefix wins");
            assertSame(lists, slot.reader("java.lang.Long"));
            ArrayList<Object> list = new ArrayList<>(List.of("a", 1L));
            assertEquals(list, bolt.deserialize(bolt.serialize(list), ArrayList.class.getName()));
            CodecException nobody = assertThrows(CodecException.class,
                    () -> bolt.deserialize(bolt.serialize(list), "java.util.HashMap"));
            assertTrue(nobody.getMessage().contains("java.util.HashMap"), nobody.getMessage());

            listsOnly.close();

            assertThrows(CodecException.class, () -> bolt.deserialize(bolt.serialize(list), ArrayList.class.getName()),
                    "a closed registration reads nothing any more");
            assertEquals("s", bolt.deserialize(bolt.serialize("s"), String.class.getName()));
            assertThrows(CodecException.class, () -> bolt.deserialize(new byte[] {'X', 1, 2}, String.class.getName()));
            assertEquals(List.of(String.class.getName()), refusals, "the owner of the class hears of the refusal");
        }
        assertSame(before, SerializerManager.getSerializer(SerializerManager.Hessian2),
                "Bolt's own serializer is back once the slot is closed");
    }

    @Test
    @DisplayName("RCP-14: a restarted service's registration of the same classes takes over from its previous"
            + " instance's, still open while that one hands its clients over; closing the old one changes nothing")
    void latestRegistrationOfTheSameClassesWins() {
        try (BoltHessianSlot slot = BoltHessianSlot.open()) {
            SafeHessian previous = new SafeHessian(List.of("java.lang.String"), 4096);
            SafeHessian restarted = new SafeHessian(List.of("java.lang.String"), 4096);
            BoltHessian.Registration old = slot.register(previous);
            assertSame(previous, slot.reader("java.lang.String"));
            slot.register(restarted);

            assertSame(restarted, slot.reader("java.lang.String"));
            old.close();
            assertSame(restarted, slot.reader("java.lang.String"));
        }
    }

    /** An answer its service writes and never reads: no registration allows its class. */
    static final class Answer implements java.io.Serializable {
        String text;

        Answer(String text) {
            this.text = text;
        }
    }

    @Test
    @DisplayName("ARCHITECTURE §5: an answer no registration reads is written by the registration of the bundle that"
            + " defined it, so no other bundle's registration keeps its classes after that bundle is updated")
    void answerWrittenByItsOwnBundlesRegistration() throws Exception {
        try (BoltHessianSlot slot = BoltHessianSlot.open();
             java.net.URLClassLoader elsewhere = new java.net.URLClassLoader(new java.net.URL[0], null)) {
            SafeHessian otherBundle = new SafeHessian(List.of("org.example.other."), 4096, elsewhere);
            SafeHessian answersBundle = new SafeHessian(List.of("java.lang."), 4096, Answer.class.getClassLoader());
            slot.register(otherBundle);
            BoltHessian.Registration answers = slot.register(answersBundle);

            assertSame(answersBundle, slot.writer(new Answer("ok")));
            byte[] written = SerializerManager.getSerializer(SerializerManager.Hessian2).serialize(new Answer("ok"));
            SafeHessian client = new SafeHessian(List.of(Answer.class.getName()), 4096, Answer.class.getClassLoader());
            assertEquals("ok", client.deserialize(written, Answer.class).text);
            answers.close();
            assertSame(otherBundle, slot.writer(new Answer("ok")), "with no registration of its bundle, the first");
        }
    }

    @Test
    @DisplayName("ARCHITECTURE §5: the class names a frame header may carry are remembered up to a bound, and"
            + " past it still routed")
    void rememberedNamesBounded() {
        try (BoltHessianSlot slot = BoltHessianSlot.open()) {
            SafeHessian models = new SafeHessian(List.of("com.example."), 4096);
            slot.register(models);
            for (int i = 0; i < BoltHessianSlot.REMEMBERED_NAMES + 50; i++) {
                assertSame(models, slot.reader("com.example.Model" + i));
            }
            assertEquals(BoltHessianSlot.REMEMBERED_NAMES, slot.rememberedNames());
            assertSame(models, slot.reader("com.example.Later"));
            assertEquals(null, slot.reader("org.other.Model"));
        }
    }
}
