package io.weft.registry.session.connection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.alipay.remoting.ResponseStatus;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.weft.codec.bolt.guard.LogThrottle;
import io.weft.registry.session.LogCapture;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ErrorResponseLogTest {

    private static final String LOGGER = "test.error-response-log";

    @Test
    @DisplayName("RCP-3: an error answer is logged with the client's address and counted; others pass silently")
    void errorAnswersLogged() {
        RefusalCounts counts = new RefusalCounts();
        AtomicLong clock = new AtomicLong();
        try (LogCapture log = new LogCapture(LOGGER)) {
            EmbeddedChannel channel = new EmbeddedChannel(new ErrorResponseLog(counts,
                    new LogThrottle(LoggerFactory.getLogger(LOGGER), 10_000, clock::get)));
            byte[] refused = v1Response(41, ResponseStatus.SERVER_DESERIAL_EXCEPTION.getValue());
            byte[] ok = v1Response(42, ResponseStatus.SUCCESS.getValue());
            byte[] push = v1Request(10, 10);

            channel.writeOutbound(Unpooled.wrappedBuffer(refused), Unpooled.wrappedBuffer(ok),
                    Unpooled.wrappedBuffer(push));

            assertArrayEquals(refused, read(channel));
            assertArrayEquals(ok, read(channel));
            assertArrayEquals(push, read(channel));
            assertEquals(Map.of("SERVER_DESERIAL_EXCEPTION", 1L), counts.errorResponses());
            assertEquals(1, log.errorsWith("answered request 41 from embedded with SERVER_DESERIAL_EXCEPTION",
                    "naming a class that is denied").size(), log.errors()::toString);
            channel.finishAndReleaseAll();
        }
    }

    private static byte[] v1Response(int requestId, short status) {
        return ByteBuffer.allocate(20 + 4).put((byte) 1).put((byte) 0).putShort((short) 2).put((byte) 1)
                .putInt(requestId).put((byte) 1).putShort(status).putShort((short) 0).putShort((short) 0).putInt(4)
                .putInt(0xcafe).array();
    }

    /** A request as the session pushes one: class name and content, no header map. */
    private static byte[] v1Request(int classLen, int contentLen) {
        return ByteBuffer.allocate(22 + classLen + contentLen).put((byte) 1).put((byte) 1).putShort((short) 1)
                .put((byte) 1).putInt(7).put((byte) 1).putInt(3000).putShort((short) classLen).putShort((short) 0)
                .putInt(contentLen).array();
    }

    private static byte[] read(EmbeddedChannel channel) {
        ByteBuf buf = channel.readOutbound();
        byte[] bytes = new byte[buf.readableBytes()];
        buf.readBytes(bytes);
        buf.release();
        return bytes;
    }
}
