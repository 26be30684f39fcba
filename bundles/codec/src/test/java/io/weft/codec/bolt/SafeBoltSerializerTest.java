package io.weft.codec.bolt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alipay.remoting.exception.CodecException;
import io.weft.codec.hessian.SafeHessian;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SafeBoltSerializerTest {

    private final SafeBoltSerializer serializer =
            new SafeBoltSerializer(new SafeHessian(List.of("java.util.", "java.lang."), 4096));

    @Test
    @DisplayName("RCP-1: Bolt's Hessian serializer SPI round-trips an allowed body")
    void roundTrip() throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("version", 7L);

        Object read = serializer.deserialize(serializer.serialize(body), HashMap.class.getName());

        assertEquals(body, read);
    }

    @Test
    @DisplayName("RCP-2: a frame announcing a denied class is refused before its body is read")
    void deniedFrameClassRefused() throws Exception {
        byte[] body = serializer.serialize("harmless");

        CodecException refused = assertThrows(CodecException.class,
                () -> serializer.deserialize(body, "javax.naming.InitialContext"));

        assertTrue(refused.getMessage().contains("javax.naming.InitialContext"), refused.getMessage());
    }

    @Test
    @DisplayName("ARCHITECTURE §5: an oversize body is refused as Bolt's CodecException")
    void oversizeRefused() {
        CodecException refused = assertThrows(CodecException.class,
                () -> serializer.deserialize(new byte[4097], String.class.getName()));

        assertTrue(refused.getMessage().contains("4097 bytes exceed the limit of 4096"), refused.getMessage());
    }
}
