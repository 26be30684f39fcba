package io.weft.codec.hessian;

import java.io.IOException;

/**
 * Thrown from inside Hessian when a class name is refused. It must be an {@link IOException}
 * because that is all {@code ClassNameFilter.resolve} may throw; {@link SafeHessian} finds it in the
 * cause chain and turns it into a {@link CodecException} with the same message.
 */
final class RefusedClassException extends IOException {

    private static final long serialVersionUID = 1L;

    RefusedClassException(String message) {
        super(message);
    }
}
