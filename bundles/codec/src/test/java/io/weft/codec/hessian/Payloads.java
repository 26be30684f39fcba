package io.weft.codec.hessian;

import com.caucho.hessian.io.Hessian2Output;
import com.caucho.hessian.io.SerializerFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Hessian streams an attacker would send, written field by field so that the classes they name need
 * not exist on the test class path: the name alone must be refused.
 */
final class Payloads {

    private Payloads() {
    }

    /** An object of class {@code className} with one string field, as JavaSerializer writes it. */
    static byte[] objectNaming(String className, String field, String value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Hessian2Output out = new Hessian2Output(bytes);
        if (out.writeObjectBegin(className) == -1) {
            out.writeClassFieldLength(1);
            out.writeString(field);
            out.writeObjectBegin(className);
        }
        out.writeString(value);
        out.close();
        return bytes.toByteArray();
    }

    /** A typed map, the form Hessian uses for classes without a definition. */
    static byte[] typedMapNaming(String className) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Hessian2Output out = new Hessian2Output(bytes);
        out.writeMapBegin(className);
        out.writeString("iMethodName");
        out.writeString("exec");
        out.writeMapEnd();
        out.close();
        return bytes.toByteArray();
    }

    /** An untyped map holding, under "payload", an object of class {@code className}. */
    static byte[] nestedInMap(String className) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Hessian2Output out = new Hessian2Output(bytes);
        out.writeMapBegin(null);
        out.writeString("payload");
        if (out.writeObjectBegin(className) == -1) {
            out.writeClassFieldLength(1);
            out.writeString("iMethodName");
            out.writeObjectBegin(className);
        }
        out.writeString("exec");
        out.writeMapEnd();
        out.close();
        return bytes.toByteArray();
    }

    /** Any value, written by a factory without filters (what a permissive peer would send). */
    static byte[] plain(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Hessian2Output out = new Hessian2Output(bytes);
        out.setSerializerFactory(new SerializerFactory());
        out.writeObject(value);
        out.close();
        return bytes.toByteArray();
    }
}
