package io.weft.registry.session.realclient;

import com.caucho.hessian.io.Hessian2Input;
import com.caucho.hessian.io.Hessian2Output;
import com.caucho.hessian.io.SerializerFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Bolt protocol V1 frames written by hand (RCP-1..RCP-4), to send what no well-behaved client sends.
 *
 * <pre>
 * request:  proto(1)=1 type(1) cmdcode(2) ver2(1) requestId(4) codec(1) timeout(4)
 *           classLen(2) headerLen(2) contentLen(4) class header content
 * response: proto(1) type(1) cmdcode(2) ver2(1) requestId(4) codec(1) status(2)
 *           classLen(2) headerLen(2) contentLen(4) class header content
 * </pre>
 */
public final class BoltFrames {

    public static final short CMD_HEARTBEAT = 0;
    public static final short CMD_REQUEST = 1;

    private BoltFrames() {
    }

    public static byte[] request(int requestId, short cmdCode, String className, byte[] content) throws IOException {
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

    /**
     * The fixed header and class name of a request that announces {@code declaredContentLen} content bytes,
     * without any of them: what a client sends first, and all a flood needs to send.
     */
    public static byte[] requestHead(int requestId, String className, int declaredContentLen) throws IOException {
        byte[] clazz = className.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeByte(1);
        out.writeByte(1);
        out.writeShort(CMD_REQUEST);
        out.writeByte(1);
        out.writeInt(requestId);
        out.writeByte(1);
        out.writeInt(3000);
        out.writeShort(clazz.length);
        out.writeShort(0);
        out.writeInt(declaredContentLen);
        out.write(clazz);
        return bytes.toByteArray();
    }

    /**
     * A Hessian object of class {@code className} with one string field, written field by field as sofa-hessian's
     * JavaSerializer does, so the class need not exist: a gadget named by a hostile client.
     */
    public static byte[] hessianObjectNaming(String className) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Hessian2Output out = new Hessian2Output(bytes);
        if (out.writeObjectBegin(className) == -1) {
            out.writeClassFieldLength(1);
            out.writeString("iMethodName");
            out.writeObjectBegin(className);
        }
        out.writeString("exec");
        out.close();
        return bytes.toByteArray();
    }

    public static byte[] hessian(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Hessian2Output out = new Hessian2Output(bytes);
        out.setSerializerFactory(new SerializerFactory());
        out.writeObject(value);
        out.close();
        return bytes.toByteArray();
    }

    /** A response as read off the wire. */
    public record Response(short cmdCode, int requestId, short status, String className, byte[] content) {

        public Object body() throws IOException {
            Hessian2Input in = new Hessian2Input(new ByteArrayInputStream(content));
            in.setSerializerFactory(new SerializerFactory());
            return in.readObject();
        }
    }

    /** Reads frames until a response (type 0) arrives; requests the server sends meanwhile (pushes) are skipped. */
    public static Response readResponse(DataInputStream in) throws IOException {
        while (true) {
            in.readByte();
            byte type = in.readByte();
            short cmdCode = in.readShort();
            in.readByte();
            int requestId = in.readInt();
            in.readByte();
            short status = 0;
            if (type == 0) {
                status = in.readShort();
            } else if (cmdCode == CMD_HEARTBEAT) {
                in.readInt();
                continue;
            } else {
                in.readInt();
            }
            int classLen = in.readShort();
            int headerLen = in.readShort();
            int contentLen = in.readInt();
            byte[] clazz = in.readNBytes(classLen);
            in.readNBytes(headerLen);
            byte[] content = in.readNBytes(contentLen);
            if (type == 0) {
                return new Response(cmdCode, requestId, status, new String(clazz, StandardCharsets.UTF_8), content);
            }
        }
    }
}
