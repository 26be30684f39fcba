package io.weft.codec.bolt;

import com.alipay.remoting.exception.CodecException;
import com.alipay.remoting.serialization.Serializer;
import io.weft.codec.hessian.SafeHessian;

/**
 * Bolt's serializer SPI backed by {@link SafeHessian}. Install it in place of Bolt's own Hessian
 * serializer with {@code SerializerManager.addSerializer(SerializerManager.Hessian2, ...)}; Bolt then
 * reads every request and response body through it, on every port of the JVM, because Bolt keeps
 * its serializers in one static table (so the allow list must cover every port's messages).
 * Bolt reads with the processor's {@code getBizClassLoader()} as context class loader, so build the
 * {@code SafeHessian} without a class loader of its own. Thread-safe.
 */
public final class SafeBoltSerializer implements Serializer {

    private final SafeHessian hessian;

    public SafeBoltSerializer(SafeHessian hessian) {
        if (hessian == null) {
            throw new IllegalArgumentException("hessian is null");
        }
        this.hessian = hessian;
    }

    @Override
    public byte[] serialize(Object obj) throws CodecException {
        try {
            return hessian.serialize(obj);
        } catch (io.weft.codec.hessian.CodecException e) {
            throw new CodecException(e.getMessage(), e);
        }
    }

    /**
     * @param classOfT the class name the frame announced (RCP-2); it is checked like the names in
     *        the body, so a frame naming a refused class is refused before its body is parsed
     */
    @Override
    @SuppressWarnings("unchecked")
    public <T> T deserialize(byte[] data, String classOfT) throws CodecException {
        try {
            if (classOfT != null) {
                hessian.checkClassName(classOfT);
            }
            return (T) hessian.deserialize(data);
        } catch (io.weft.codec.hessian.CodecException e) {
            throw new CodecException(e.getMessage(), e);
        }
    }
}
