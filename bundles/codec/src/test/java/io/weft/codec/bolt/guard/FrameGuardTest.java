package io.weft.codec.bolt.guard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The frame checks in front of Bolt's decoder, on an embedded channel (RCP-1, RCP-2). */
class FrameGuardTest {

    private static final int MAX = 1000;

    private final RecordingListener refusals = new RecordingListener();
    private final EmbeddedChannel channel = new EmbeddedChannel(new FrameGuard(MAX, refusals));

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    @Test
    @DisplayName("RCP-2: well-formed frames pass on untouched, whole, split byte by byte, or several in one read")
    void wellFormedPass() {
        byte[] stream = concat(v1Request(100, 0, 200), v1Response(0, 0, 5), v1Request(0, 0, 0),
                v2Request(2, 1, 50, 0, 100), v1Request(30, 2, MAX - 22 - 32));

        channel.writeInbound(Unpooled.wrappedBuffer(stream));
        for (byte b : stream) {
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }

        assertArrayEquals(concat(stream, stream), readAllInbound());
        assertTrue(channel.isOpen());
        assertEquals(List.of(), refusals.frames);
    }

    @Test
    @DisplayName("ARCHITECTURE §5: a frame announcing more than the limit closes the connection before its body comes")
    void oversizedClosesAtOnce() {
        ByteBuf head = Unpooled.wrappedBuffer(v1RequestHeader(40, 0, 64 * 1024 * 1024));

        channel.writeInbound(head);

        assertFalse(channel.isOpen());
        assertNull(channel.readInbound(), "nothing reaches Bolt's decoder");
        assertEquals(0, head.refCnt(), "the bytes are released");
        assertEquals(List.of("OVERSIZED embedded: a Bolt frame of 67108926 bytes announced, more than the 1000"
                + " allowed"), refusals.frames);
    }

    @Test
    @DisplayName("ARCHITECTURE §5: the limit counts class name, header map and CRC; one byte over is refused")
    void limitIsExact() {
        EmbeddedChannel other = new EmbeddedChannel(new FrameGuard(MAX, refusals));

        channel.writeInbound(Unpooled.wrappedBuffer(v2Request(2, 1, 20, 10, MAX - 24 - 30 - 4)));
        other.writeInbound(Unpooled.wrappedBuffer(v2RequestHeader(2, 1, 20, 10, MAX - 24 - 30 - 4 + 1)));

        assertTrue(channel.isOpen());
        assertFalse(other.isOpen());
        assertEquals(1, refusals.frames(FrameRefusal.OVERSIZED));
        other.finishAndReleaseAll();
    }

    @Test
    @DisplayName("RCP-1: an unknown protocol code closes the connection")
    void unknownProtocol() {
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0x7f, 0x00, 0x13, 0x37}));

        assertMalformed("unknown protocol code 0x7f");
    }

    @Test
    @DisplayName("RCP-1: an unknown version of Bolt protocol 2, which Bolt would wait on for ever, closes the connection")
    void unknownV2Version() {
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {2, 9}));

        assertMalformed("unknown version 9 of Bolt protocol 2");
    }

    @Test
    @DisplayName("RCP-2: an unknown command type closes the connection")
    void unknownType() {
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {1, 5, 0, 1}));

        assertMalformed("unknown command type 5");
    }

    @Test
    @DisplayName("RCP-2: a negative length closes the connection")
    void negativeLength() {
        byte[] head = v1RequestHeader(10, 0, 5);
        head[18] = (byte) 0xff;

        channel.writeInbound(Unpooled.wrappedBuffer(head));

        assertMalformed("negative length");
    }

    @Test
    @DisplayName("RCP-2: a frame following a good one in the same read is checked too")
    void secondFrameChecked() {
        byte[] good = v1Request(10, 0, 10);

        channel.writeInbound(Unpooled.wrappedBuffer(concat(good, new byte[] {1, 1, 0, 1, 1, 0, 0, 0, 9, 1, 0, 0, 0,
                0, 0, 10, 0, 0, 0x7f, 0, 0, 0})));

        assertFalse(channel.isOpen(), "the second frame announces about 2 GiB");
        assertEquals(1, refusals.frames(FrameRefusal.OVERSIZED));
    }

    @Test
    @DisplayName("ARCHITECTURE §5: a connection closed in the middle of a frame is reported as a truncated frame")
    void truncatedLogged() {
        byte[] frame = v1Request(10, 0, 100);
        byte[] part = Arrays.copyOf(frame, 22 + 10 + 40);

        channel.writeInbound(Unpooled.wrappedBuffer(part));
        channel.close();

        assertEquals(List.of("TRUNCATED embedded: closed in the middle of a frame: 72 of its 132 bytes came"),
                refusals.frames);
    }

    @Test
    @DisplayName("ARCHITECTURE §5: a connection closed between frames is not a truncated frame")
    void closedBetweenFrames() {
        channel.writeInbound(Unpooled.wrappedBuffer(v1Request(10, 0, 100)));
        channel.close();

        assertEquals(List.of(), refusals.frames);
    }

    private void assertMalformed(String reason) {
        assertFalse(channel.isOpen());
        assertNull(channel.readInbound());
        assertEquals(1, refusals.framesWith("MALFORMED embedded: malformed Bolt frame", reason).size(),
                refusals.frames::toString);
    }

    private byte[] readAllInbound() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuf next;
        while ((next = channel.readInbound()) != null) {
            byte[] bytes = new byte[next.readableBytes()];
            next.readBytes(bytes);
            next.release();
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    static byte[] v1RequestHeader(int classLen, int mapLen, int contentLen) {
        return ByteBuffer.allocate(22).put((byte) 1).put((byte) 1).putShort((short) 1).put((byte) 1).putInt(7)
                .put((byte) 1).putInt(3000).putShort((short) classLen).putShort((short) mapLen).putInt(contentLen)
                .array();
    }

    static byte[] v1Request(int classLen, int mapLen, int contentLen) {
        return withBody(v1RequestHeader(classLen, mapLen, contentLen), classLen + mapLen + contentLen);
    }

    static byte[] v1Response(int classLen, int mapLen, int contentLen) {
        byte[] header = ByteBuffer.allocate(20).put((byte) 1).put((byte) 0).putShort((short) 2).put((byte) 1)
                .putInt(7).put((byte) 1).putShort((short) 0).putShort((short) classLen).putShort((short) mapLen)
                .putInt(contentLen).array();
        return withBody(header, classLen + mapLen + contentLen);
    }

    static byte[] v2RequestHeader(int version, int switches, int classLen, int mapLen, int contentLen) {
        return ByteBuffer.allocate(24).put((byte) 2).put((byte) version).put((byte) 1).putShort((short) 1)
                .put((byte) 1).putInt(7).put((byte) 1).put((byte) switches).putInt(3000).putShort((short) classLen)
                .putShort((short) mapLen).putInt(contentLen).array();
    }

    /** With version 2 and switch bit 0, a CRC int follows the content. */
    static byte[] v2Request(int version, int switches, int classLen, int mapLen, int contentLen) {
        int crc = version == 2 && (switches & 1) != 0 ? 4 : 0;
        return withBody(v2RequestHeader(version, switches, classLen, mapLen, contentLen),
                classLen + mapLen + contentLen + crc);
    }

    private static byte[] withBody(byte[] header, int bodyLength) {
        byte[] frame = Arrays.copyOf(header, header.length + bodyLength);
        for (int i = header.length; i < frame.length; i++) {
            frame[i] = (byte) i;
        }
        return frame;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
