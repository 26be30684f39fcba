package io.weft.codec.bolt.guard;

import io.netty.buffer.ByteBuf;

/**
 * The fixed header of a SOFA Bolt RPC frame as Bolt 1.6.7 reads it ({@code RpcCommandDecoder} for protocol 1,
 * which the registry client speaks (RCP-1, RCP-2), and {@code RpcCommandDecoderV2} for protocol 2). It tells how
 * long the whole frame is before any of its body arrives.
 *
 * <pre>
 * protocol 1, request (22 bytes)          protocol 1, response (20 bytes)
 * offset  field          bytes            offset  field          bytes
 *  0      proto = 1      1                 0      proto = 1      1
 *  1      type = 1, 2    1                 1      type = 0       1
 *  2      cmdcode        2                 2      cmdcode        2
 *  4      ver2           1                 4      ver2           1
 *  5      requestId      4                 5      requestId      4
 *  9      codec          1                 9      codec          1
 * 10      timeout        4                10      status         2
 * 14      classLen       2                12      classLen       2
 * 16      headerLen      2                14      headerLen      2
 * 18      contentLen     4                16      contentLen     4
 * then classLen + headerLen + contentLen bytes: class name, header map, content
 *
 * protocol 2: a protocol version byte (1 or 2) after proto and a switch byte after codec, so a request header
 * has 24 bytes and a response header 22. With version 2 and switch bit 0 (CRC) set, a CRC32 int follows.
 * </pre>
 *
 * <p>In all four layouts the three lengths are the last 8 bytes of the fixed header. The lengths are signed, as
 * Bolt reads them.
 */
public final class BoltFrameHeader {

    /** The longest fixed header: a protocol 2 request. */
    public static final int MAX_LENGTH = 24;

    private static final byte PROTOCOL_1 = 1;
    private static final byte PROTOCOL_2 = 2;
    private static final byte RESPONSE = 0;
    private static final byte REQUEST = 1;
    private static final byte REQUEST_ONEWAY = 2;
    private static final int CRC_BYTES = 4;
    private static final int V2_SWITCH_OFFSET = 11;

    private BoltFrameHeader() {
    }

    /**
     * @param prefix    the first bytes of a frame
     * @param available how many of them there are, at least 1
     * @return the length of the fixed header, or 0 while too few bytes are there to tell
     * @throws MalformedFrameException on a protocol code, protocol version or command type Bolt does not know:
     *                                 Bolt would fail on it, or (an unknown protocol 2 version) wait for ever
     */
    public static int headerLength(byte[] prefix, int available) throws MalformedFrameException {
        byte protocol = prefix[0];
        if (protocol == PROTOCOL_1) {
            return available < 2 ? 0 : headerLength(prefix[1], 20);
        }
        if (protocol == PROTOCOL_2) {
            if (available < 2) {
                return 0;
            }
            if (prefix[1] != 1 && prefix[1] != 2) {
                throw new MalformedFrameException("unknown version " + prefix[1] + " of Bolt protocol 2");
            }
            return available < 3 ? 0 : headerLength(prefix[2], 22);
        }
        throw new MalformedFrameException(String.format("unknown protocol code 0x%02x", protocol & 0xff));
    }

    private static int headerLength(byte type, int responseLength) throws MalformedFrameException {
        if (type == RESPONSE) {
            return responseLength;
        }
        if (type == REQUEST || type == REQUEST_ONEWAY) {
            return responseLength + 2;
        }
        throw new MalformedFrameException("unknown command type " + type);
    }

    /**
     * @param header       a whole fixed header
     * @param headerLength its length, from {@link #headerLength}
     * @return the declared length of the whole frame: header, class name, header map, content and CRC
     * @throws MalformedFrameException on a negative length, or a protocol 2 switch byte Bolt refuses
     */
    public static long frameLength(byte[] header, int headerLength) throws MalformedFrameException {
        int classLen = readShort(header, headerLength - 8);
        int mapLen = readShort(header, headerLength - 6);
        int contentLen = readInt(header, headerLength - 4);
        if (classLen < 0 || mapLen < 0 || contentLen < 0) {
            throw new MalformedFrameException("negative length (class " + classLen + ", header " + mapLen
                    + ", content " + contentLen + ")");
        }
        long length = (long) headerLength + classLen + mapLen + contentLen;
        if (header[0] == PROTOCOL_2) {
            byte switches = header[V2_SWITCH_OFFSET];
            if (switches < 0) {
                // Bolt's ProtocolSwitch throws on a byte above 127.
                throw new MalformedFrameException("switch byte out of range: " + switches);
            }
            if (header[1] == 2 && (switches & 1) != 0) {
                length += CRC_BYTES;
            }
        }
        return length;
    }

    /**
     * Reads a frame this node sends, one whole frame as Bolt's encoder writes it.
     *
     * @return the request id and status of a response, or null for a request (a push) or too few bytes
     */
    public static Answer answer(ByteBuf frame) {
        int start = frame.readerIndex();
        int readable = frame.readableBytes();
        if (readable < 20) {
            return null;
        }
        byte protocol = frame.getByte(start);
        if (protocol == PROTOCOL_1 && frame.getByte(start + 1) == RESPONSE) {
            return new Answer(frame.getInt(start + 5), frame.getShort(start + 10));
        }
        if (protocol == PROTOCOL_2 && readable >= 22 && frame.getByte(start + 2) == RESPONSE) {
            return new Answer(frame.getInt(start + 6), frame.getShort(start + 12));
        }
        return null;
    }

    /** A response's request id and Bolt status ({@code ResponseStatus}, 0 = success). */
    public record Answer(int requestId, short status) {
    }

    private static int readShort(byte[] bytes, int at) {
        return (short) ((bytes[at] & 0xff) << 8 | bytes[at + 1] & 0xff);
    }

    private static int readInt(byte[] bytes, int at) {
        return (bytes[at] & 0xff) << 24 | (bytes[at + 1] & 0xff) << 16 | (bytes[at + 2] & 0xff) << 8
                | bytes[at + 3] & 0xff;
    }

    /** Bolt would refuse this frame, or never finish reading it. */
    public static final class MalformedFrameException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedFrameException(String message) {
            super(message, null, false, false);
        }
    }
}
