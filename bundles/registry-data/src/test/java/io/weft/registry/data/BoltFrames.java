package io.weft.registry.data;

import com.caucho.hessian.io.Hessian2Output;
import com.caucho.hessian.io.SerializerFactory;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Bolt protocol V1 frames written by hand, to send what no well-behaved peer sends.
 *
 * <pre>
 * request:  proto(1)=1 type(1) cmdcode(2) ver2(1) requestId(4) codec(1) timeout(4)
 *           classLen(2) headerLen(2) contentLen(4) class header content
 * response: proto(1) type(1) cmdcode(2) ver2(1) requestId(4) codec(1) status(2)
 *           classLen(2) headerLen(2) contentLen(4) class header content
 * </pre>
 */
final class BoltFrames {

    static final short CMD_HEARTBEAT = 0;
    static final short CMD_REQUEST = 1;
    private static final byte TYPE_RESPONSE = 0;

    private BoltFrames() {
    }

    static byte[] request(int requestId, short cmdCode, String className, byte[] content) throws IOException {
        byte[] clazz = className == null ? new byte[0] : className.getBytes(StandardCharsets.UTF_8);
        byte[] body = content == null ? new byte[0] : content;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeByte(1);
        out.writeByte(1);
        out.writeShort(cmdCode);
        out.writeByte(1);
        out.writeInt(requestId);
        out.writeByte(1);
        out.writeInt(3000);
        out.writeShort(clazz.length);
        out.writeShort(0);
        out.writeInt(body.length);
        out.write(clazz);
        out.write(body);
        return bytes.toByteArray();
    }

    /** The fixed header and class name of a request announcing {@code contentLength} bytes of content, none sent. */
    static byte[] requestHead(int requestId, String className, int contentLength) throws IOException {
        byte[] frame = request(requestId, CMD_REQUEST, className, null);
        ByteBuffer.wrap(frame).putInt(18, contentLength);
        return frame;
    }

    /** A Hessian map typed as {@code className}: the stream names the class whether or not it exists. */
    static byte[] mapNaming(String className) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Hessian2Output out = new Hessian2Output(bytes);
        out.setSerializerFactory(new SerializerFactory());
        out.writeMapBegin(className);
        out.writeMapEnd();
        out.close();
        return bytes.toByteArray();
    }

    /** One response as read off the wire. */
    record Response(int requestId, short status) {
    }

    /** Reads frames until a response arrives; requests the server sends meanwhile are skipped. */
    static Response readResponse(DataInputStream in) throws IOException {
        while (true) {
            in.readByte();
            byte type = in.readByte();
            short cmdCode = in.readShort();
            in.readByte();
            int requestId = in.readInt();
            in.readByte();
            short status = 0;
            if (type == TYPE_RESPONSE) {
                status = in.readShort();
            } else {
                in.readInt();
                if (cmdCode == CMD_HEARTBEAT) {
                    continue;
                }
            }
            int classLen = in.readShort();
            int headerLen = in.readShort();
            int contentLen = in.readInt();
            in.readNBytes(classLen + headerLen + contentLen);
            if (type == TYPE_RESPONSE) {
                return new Response(requestId, status);
            }
        }
    }
}
