package io.weft.codec.hessian;

import com.alipay.hessian.ClassNameResolver;
import com.caucho.hessian.io.AbstractHessianInput;
import com.caucho.hessian.io.Deserializer;
import com.caucho.hessian.io.HessianProtocolException;
import com.caucho.hessian.io.SerializerFactory;
import java.io.IOException;

/**
 * The reading side of {@link SafeHessian}: a {@code SerializerFactory} whose class name resolver
 * holds only {@link HessianClassFilter}, and whose list readers check declared lengths against
 * {@link BoundedHessian2Input}'s budget. Thread-safe, like its parent (its caches are concurrent).
 */
final class FilteringSerializerFactory extends SerializerFactory {

    FilteringSerializerFactory(HessianClassFilter filter) {
        ClassNameResolver resolver = new ClassNameResolver();
        resolver.addFilter(filter);
        // Replaces the library's default resolver (its static, globally mutable deny list): the
        // filter carries that list too, see ClassDenyList.
        setClassNameResolver(resolver);
    }

    @Override
    public Object readList(AbstractHessianInput in, int length, String type)
            throws HessianProtocolException, IOException {
        BoundedDeserializer.claim(in, length);
        return super.readList(in, length, type);
    }

    @Override
    public Deserializer getObjectDeserializer(String type, Class cl) throws HessianProtocolException {
        Deserializer deserializer = super.getObjectDeserializer(type, cl);
        return deserializer == null ? null : new BoundedDeserializer(deserializer);
    }
}
