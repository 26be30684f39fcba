package io.weft.codec.hessian;

import com.caucho.hessian.io.AbstractHessianInput;
import com.caucho.hessian.io.Deserializer;
import java.io.IOException;

/** Checks a declared list length against the payload's budget before Hessian allocates for it. */
final class BoundedDeserializer implements Deserializer {

    private final Deserializer delegate;

    BoundedDeserializer(Deserializer delegate) {
        this.delegate = delegate;
    }

    static void claim(AbstractHessianInput in, int length) throws IOException {
        if (in instanceof BoundedHessian2Input bounded) {
            bounded.claim(length);
        }
    }

    @Override
    public Class getType() {
        return delegate.getType();
    }

    @Override
    public Object readObject(AbstractHessianInput in) throws IOException {
        return delegate.readObject(in);
    }

    @Override
    public Object readList(AbstractHessianInput in, int length) throws IOException {
        claim(in, length);
        return delegate.readList(in, length);
    }

    @Override
    public Object readLengthList(AbstractHessianInput in, int length) throws IOException {
        claim(in, length);
        return delegate.readLengthList(in, length);
    }

    @Override
    public Object readMap(AbstractHessianInput in) throws IOException {
        return delegate.readMap(in);
    }

    @Override
    public Object readObject(AbstractHessianInput in, String[] fieldNames) throws IOException {
        return delegate.readObject(in, fieldNames);
    }
}
