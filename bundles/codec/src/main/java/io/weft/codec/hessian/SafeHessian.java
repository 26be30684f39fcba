package io.weft.codec.hessian;

import com.caucho.hessian.io.Hessian2Output;
import com.caucho.hessian.io.SerializerFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hessian 2 (sofa-hessian 3.3.x dialect, RCP-5) for payloads that arrive on an open port
 * (ARCHITECTURE §5): reading refuses, with a {@link CodecException} that names what was refused,
 * <ul>
 *   <li>a payload larger than the limit, before a byte of it is parsed;</li>
 *   <li>any class on the built-in deny list of deserialisation gadgets (Weft's and sofa-hessian's
 *       lists), by name, before the class is loaded; the deny list wins over the allow list;</li>
 *   <li>any class whose name starts with none of the caller's allowed prefixes;</li>
 *   <li>a list or array that declares more elements than the payload could hold;</li>
 *   <li>a truncated or malformed stream, or one nested too deeply to read.</li>
 * </ul>
 * A refused payload yields no object at all, never part of one.
 *
 * <p>Allowed prefixes are matched as plain name prefixes: end a package with {@code .}
 * ({@code "com.alipay.sofa.registry.core.model."}); a full class name allows that class (and any
 * class whose name starts with it). Hessian's own names for primitives, strings, dates and arrays
 * of them are always readable. {@code java.util.} and {@code java.lang.} are usually needed:
 * collections, boxed numbers, and Bolt's exception responses.
 *
 * <p>Writing is not filtered: what this node sends is its own.
 *
 * <p>Thread-safe: one instance serves every connection of a port.
 */
public final class SafeHessian {

    /** A generous bound for registry and Weft messages; Bolt frames are not expected to come close. */
    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 1024 * 1024;

    private final HessianClassFilter filter;
    private final List<String> allowedPrefixes;
    private final int maxPayloadBytes;
    private final ClassLoader classLoader;
    private final SerializerFactory readFactory;
    private final SerializerFactory writeFactory = new SerializerFactory();

    /**
     * Reads with the calling thread's context class loader, as Bolt's user processors arrange it
     * (their {@code getBizClassLoader()}).
     */
    public SafeHessian(Collection<String> allowedPrefixes, int maxPayloadBytes) {
        this(allowedPrefixes, maxPayloadBytes, null);
    }

    /**
     * @param allowedPrefixes class name prefixes that may be read; none may be blank
     * @param maxPayloadBytes the largest payload read, at least 1
     * @param classLoader loads the classes named in a payload (e.g. the calling bundle's loader);
     *        null to use the thread's context class loader
     * @throws IllegalArgumentException if the allow list is empty or holds a blank entry, or the
     *         limit is not positive
     */
    public SafeHessian(Collection<String> allowedPrefixes, int maxPayloadBytes, ClassLoader classLoader) {
        if (allowedPrefixes == null || allowedPrefixes.isEmpty()) {
            throw new IllegalArgumentException("the allow list of class name prefixes is empty");
        }
        for (String prefix : allowedPrefixes) {
            if (prefix == null || prefix.isBlank()) {
                throw new IllegalArgumentException("blank entry in the allow list " + allowedPrefixes);
            }
        }
        if (maxPayloadBytes < 1) {
            throw new IllegalArgumentException("maxPayloadBytes must be at least 1, was " + maxPayloadBytes);
        }
        this.allowedPrefixes = List.copyOf(allowedPrefixes);
        this.maxPayloadBytes = maxPayloadBytes;
        this.classLoader = classLoader;
        this.filter = new HessianClassFilter(ClassDenyList.builtIn(), this.allowedPrefixes);
        this.readFactory = new FilteringSerializerFactory(filter);
    }

    public List<String> allowedPrefixes() {
        return allowedPrefixes;
    }

    public int maxPayloadBytes() {
        return maxPayloadBytes;
    }

    /** The class loader payloads are read with; null for the thread's context class loader. */
    public ClassLoader classLoader() {
        return classLoader;
    }

    /**
     * Checks a class name the way a payload's names are checked, e.g. the class name of a Bolt
     * frame, which routes the request before its body is read (RCP-2).
     *
     * @throws CodecException naming the class if it may not be read
     */
    public void checkClassName(String className) throws CodecException {
        String refusal = className == null ? "no class name" : filter.refusal(className);
        if (refusal != null) {
            throw new CodecException("Hessian payload refused: " + refusal);
        }
    }

    public byte[] serialize(Object value) throws CodecException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        Hessian2Output out = new Hessian2Output(bytes);
        out.setSerializerFactory(writeFactory);
        try {
            out.writeObject(value);
            out.close();
        } catch (IOException | RuntimeException e) {
            String type = value == null ? "null" : value.getClass().getName();
            throw new CodecException("cannot write a " + type + " as Hessian: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    /** Reads one value; see the class comment for what is refused. */
    public Object deserialize(byte[] payload) throws CodecException {
        if (payload == null) {
            throw new CodecException("Hessian payload refused: no payload");
        }
        if (payload.length > maxPayloadBytes) {
            throw new CodecException("Hessian payload refused: " + payload.length
                    + " bytes exceed the limit of " + maxPayloadBytes + " bytes");
        }
        BoundedHessian2Input in = new BoundedHessian2Input(new ByteArrayInputStream(payload), payload.length);
        in.setSerializerFactory(readFactory);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        if (classLoader != null) {
            thread.setContextClassLoader(classLoader);
        }
        try {
            return in.readObject();
        } catch (IOException | RuntimeException e) {
            throw translate(e, payload.length);
        } catch (StackOverflowError e) {
            // The stack is unwound by now; the payload nests lists or objects deeper than any real message.
            throw new CodecException("Hessian payload refused: nested too deeply to read ("
                    + payload.length + " bytes)");
        } finally {
            if (classLoader != null) {
                thread.setContextClassLoader(previous);
            }
        }
    }

    /**
     * Reads one value that must be a {@code type} (or null). A class within the allow list that the
     * class loader cannot find reads as a map in Hessian; this turns that into a clear error too.
     */
    public <T> T deserialize(byte[] payload, Class<T> type) throws CodecException {
        Object value = deserialize(payload);
        if (value != null && !type.isInstance(value)) {
            throw new CodecException("Hessian payload holds a " + value.getClass().getName()
                    + " where a " + type.getName() + " was expected");
        }
        return type.cast(value);
    }

    private static CodecException translate(Exception failure, int length) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof RefusedClassException refused) {
                return new CodecException("Hessian payload refused: " + refused.getMessage(), failure);
            }
        }
        return new CodecException("malformed Hessian payload (" + length + " bytes): " + failure, failure);
    }
}
