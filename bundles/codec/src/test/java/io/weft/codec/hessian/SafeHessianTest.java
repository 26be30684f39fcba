package io.weft.codec.hessian;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.weft.codec.hessian.fixture.SampleRegister;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.example.outside.Outsider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeHessianTest {

    private static final String GADGET = "org.apache.commons.collections.functors.InvokerTransformer";
    private static final List<String> ALLOW = List.of("io.weft.codec.hessian.fixture.", "java.util.", "java.lang.");

    private final SafeHessian hessian = new SafeHessian(ALLOW, SafeHessian.DEFAULT_MAX_PAYLOAD_BYTES);

    private static SampleRegister sample() {
        Map<String, String> attributes = new HashMap<>();
        attributes.put("!AccessKey", "ak");
        return new SampleRegister("com.example.EchoService:1.0@DEFAULT", 3L, null, attributes,
                new ArrayList<>(List.of("127.0.0.1:12200?weight=100")), new int[] {100, 0, 7});
    }

    @Test
    @DisplayName("RCP-5: an allowed value object with boxed nulls, a map, a list and an array survives a round trip")
    void roundTrip() throws Exception {
        SampleRegister sent = sample();

        SampleRegister read = hessian.deserialize(hessian.serialize(sent), SampleRegister.class);

        assertEquals(sent, read);
        assertNull(read.port());
        assertArrayEquals(new int[] {100, 0, 7}, read.weights());
    }

    @Test
    @DisplayName("RCP-5: what a permissive sofa-hessian peer writes reads back the same")
    void readsWhatPlainHessianWrites() throws Exception {
        SampleRegister sent = sample();

        assertEquals(sent, hessian.deserialize(Payloads.plain(sent)));
        assertNull(hessian.deserialize(Payloads.plain(null)));
        assertEquals(List.of("a", "b"), hessian.deserialize(Payloads.plain(new ArrayList<>(List.of("a", "b")))));
    }

    @Test
    @DisplayName("ARCHITECTURE §5: an object naming a gadget class is refused by name, before its class is loaded")
    void deniedClassRefusedBeforeLoading() throws Exception {
        RecordingLoader loader = new RecordingLoader(getClass().getClassLoader());
        SafeHessian recording = new SafeHessian(ALLOW, 4096, loader);

        CodecException refused = assertThrows(CodecException.class,
                () -> recording.deserialize(Payloads.objectNaming(GADGET, "iMethodName", "exec")));

        assertTrue(refused.getMessage().contains(GADGET), refused.getMessage());
        assertTrue(refused.getMessage().contains("deny list"), refused.getMessage());
        assertFalse(loader.asked.contains(GADGET), "the class loader was asked for " + GADGET);
    }

    @Test
    @DisplayName("ARCHITECTURE §5: a typed map naming a gadget class is refused")
    void deniedTypedMapRefused() throws Exception {
        CodecException refused = assertThrows(CodecException.class,
                () -> hessian.deserialize(Payloads.typedMapNaming(GADGET)));

        assertTrue(refused.getMessage().contains(GADGET), refused.getMessage());
    }

    @Test
    @DisplayName("ARCHITECTURE §5: a gadget nested inside an allowed map refuses the whole payload")
    void nestedGadgetRefusesWholePayload() throws Exception {
        CodecException refused = assertThrows(CodecException.class,
                () -> hessian.deserialize(Payloads.nestedInMap("com.sun.rowset.JdbcRowSetImpl")));

        assertTrue(refused.getMessage().contains("com.sun.rowset.JdbcRowSetImpl"), refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "org.apache.commons.collections.functors.ChainedTransformer",
        "org.codehaus.groovy.runtime.MethodClosure",
        "javax.naming.InitialContext",
        "org.springframework.beans.factory.config.PropertyPathFactoryBean",
        "com.mchange.v2.c3p0.WrapperConnectionPoolDataSource",
        "java.lang.ProcessBuilder",
        "java.lang.Runtime",
        "java.lang.reflect.Proxy",
        "javax.script.ScriptEngineManager",
        // only on sofa-hessian's own list, which is applied too
        "org.apache.wicket.util.upload.DiskFileItem",
        "com.rometools.rome.feed.impl.EqualsBean$Inner",
    })
    @DisplayName("ARCHITECTURE §5: the deny list wins even over an allow list that covers the class")
    void denyWinsOverAllow(String className) throws Exception {
        SafeHessian permissive = new SafeHessian(List.of("org.", "javax.", "java.", "com."), 4096);

        CodecException refused = assertThrows(CodecException.class,
                () -> permissive.deserialize(Payloads.objectNaming(className, "f", "v")));

        assertTrue(refused.getMessage().contains(className), refused.getMessage());
    }

    @Test
    @DisplayName("ARCHITECTURE §5: java.lang.Class is refused, since Hessian would load the class it names past the filter")
    void classObjectsRefused() throws Exception {
        CodecException refused = assertThrows(CodecException.class,
                () -> hessian.deserialize(Payloads.objectNaming("java.lang.Class", "name", GADGET)));

        assertTrue(refused.getMessage().contains("java.lang.Class"), refused.getMessage());
    }

    @Test
    @DisplayName("ARCHITECTURE §5: a denied class does not deny its neighbours: RuntimeException passes, Runtime does not")
    void exactEntriesMatchOnlyTheirClass() throws Exception {
        hessian.checkClassName("java.lang.RuntimeException");
        hessian.checkClassName("java.lang.ClassCastException");
        hessian.checkClassName("[I");
        hessian.checkClassName("[string");
        hessian.checkClassName("[Ljava.lang.String;");
        assertThrows(CodecException.class, () -> hessian.checkClassName("java.lang.Runtime"));
        assertThrows(CodecException.class, () -> hessian.checkClassName("[L" + GADGET + ";"));
        assertThrows(CodecException.class, () -> hessian.checkClassName("[[" + GADGET));
    }

    @Test
    @DisplayName("ARCHITECTURE §5: a class outside the allow list is refused, naming it")
    void outsideAllowListRefused() throws Exception {
        byte[] payload = Payloads.plain(new Outsider());

        CodecException refused = assertThrows(CodecException.class, () -> hessian.deserialize(payload));

        assertTrue(refused.getMessage().contains(Outsider.class.getName()), refused.getMessage());
        assertTrue(refused.getMessage().contains("allow list"), refused.getMessage());
    }

    @Test
    @DisplayName("ARCHITECTURE §5: an oversize payload is refused before parsing, naming its size and the limit")
    void oversizeRefusedBeforeParsing() throws Exception {
        SafeHessian small = new SafeHessian(ALLOW, 64);
        byte[] payload = new byte[65];
        // A denied class name at the front: had it been parsed, the refusal would name the class.
        byte[] gadget = Payloads.objectNaming(GADGET, "f", "v");
        System.arraycopy(gadget, 0, payload, 0, Math.min(gadget.length, payload.length));

        CodecException refused = assertThrows(CodecException.class, () -> small.deserialize(payload));

        assertEquals("Hessian payload refused: 65 bytes exceed the limit of 64 bytes", refused.getMessage());
    }

    @Test
    @DisplayName("ARCHITECTURE §5: every truncation of a valid payload gives a CodecException, not a half-built object")
    void truncatedPayloadsRefused() throws Exception {
        byte[] whole = hessian.serialize(sample());
        for (int length = 0; length < whole.length; length++) {
            byte[] cut = Arrays.copyOf(whole, length);
            try {
                Object value = hessian.deserialize(cut);
                fail("a payload cut to " + length + " of " + whole.length + " bytes read as " + value);
            } catch (CodecException expected) {
                // the point of the test
            }
        }
    }

    @Test
    @DisplayName("ARCHITECTURE §5: garbage bytes give a value or a CodecException, never another exception")
    void garbageNeverEscapesAsAnotherException() {
        Random random = new Random(42);
        for (int round = 0; round < 2000; round++) {
            byte[] garbage = new byte[1 + random.nextInt(64)];
            random.nextBytes(garbage);
            try {
                hessian.deserialize(garbage);
            } catch (CodecException expected) {
                // refused cleanly
            } catch (RuntimeException | Error e) {
                fail("garbage " + Arrays.toString(garbage) + " escaped as " + e, e);
            }
        }
    }

    @Test
    @DisplayName("ARCHITECTURE §5: a list declaring more elements than the payload holds is refused before allocation")
    void listLengthBombRefused() throws Exception {
        // 'V' 't' "[int" then the 32-bit length form 'l', claiming 2^31-1 ints, then one int and 'z'.
        byte[] payload = {'V', 't', 0, 4, '[', 'i', 'n', 't', 'l', 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff,
            (byte) 0x91, 'z'};

        CodecException refused = assertThrows(CodecException.class, () -> hessian.deserialize(payload));

        assertTrue(refused.getMessage().contains("declared list length 2147483647"), refused.getMessage());
    }

    @Test
    @DisplayName("ARCHITECTURE §5: the lengths of all lists in a payload together are bounded by its size")
    void listLengthsShareOneBudget() throws Exception {
        // An untyped list of 8 lists, each claiming 8 elements: 72 declared for a payload of 40 bytes.
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.write(new byte[] {'V', 'n', 8});
        for (int i = 0; i < 4; i++) {
            bytes.write(new byte[] {'V', 'n', 8});
        }
        byte[] payload = bytes.toByteArray();

        CodecException refused = assertThrows(CodecException.class, () -> hessian.deserialize(payload));

        assertTrue(refused.getMessage().contains("declared list length 8"), refused.getMessage());
    }

    @Test
    @DisplayName("ARCHITECTURE §5: a payload nesting lists too deeply gives a CodecException and leaves the thread usable")
    void deepNestingRefused() throws Exception {
        byte[] payload = new byte[SafeHessian.DEFAULT_MAX_PAYLOAD_BYTES];
        Arrays.fill(payload, (byte) 'V');

        CodecException refused = assertThrows(CodecException.class, () -> hessian.deserialize(payload));

        assertTrue(refused.getMessage().contains("nested too deeply"), refused.getMessage());
        assertEquals(sample(), hessian.deserialize(hessian.serialize(sample())));
    }

    @Test
    @DisplayName("ARCHITECTURE §5: an allowed class the loader cannot find is a clear error, not a map in its place")
    void unexpectedTypeRefused() throws Exception {
        byte[] payload = Payloads.objectNaming("io.weft.codec.hessian.fixture.Missing", "f", "v");

        CodecException refused = assertThrows(CodecException.class,
                () -> hessian.deserialize(payload, SampleRegister.class));

        assertTrue(refused.getMessage().contains(SampleRegister.class.getName()), refused.getMessage());
        assertInstanceOf(Map.class, hessian.deserialize(payload));
    }

    @Test
    @DisplayName("a SafeHessian without an allow list or with a zero limit cannot be built")
    void badConfigurationRejected() {
        assertThrows(IllegalArgumentException.class, () -> new SafeHessian(List.of(), 10));
        assertThrows(IllegalArgumentException.class, () -> new SafeHessian(List.of(" "), 10));
        assertThrows(IllegalArgumentException.class, () -> new SafeHessian(ALLOW, 0));
    }

    /** Remembers every class name it is asked for. */
    private static final class RecordingLoader extends ClassLoader {

        final Set<String> asked = ConcurrentHashMap.newKeySet();

        RecordingLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            asked.add(name);
            return super.loadClass(name, resolve);
        }
    }
}
