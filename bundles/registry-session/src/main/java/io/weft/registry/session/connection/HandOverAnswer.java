package io.weft.registry.session.connection;

import com.alipay.sofa.registry.core.model.BaseRegister;
import com.alipay.sofa.registry.core.model.RegisterResponse;
import io.weft.registry.session.register.RegisterHandler;

/**
 * The answer to a registration acknowledged during a hand-over ({@link RequestPolicy#ACKNOWLEDGE}).
 *
 * <p>Once the next session has started, the node's codec reads every SOFARegistry request with that session's
 * classes (its registration is the latest, decision record 0023), including those still arriving on this
 * session's old connections: they are then instances of the next session's copy of {@link BaseRegister}, same
 * name, another class loader. The answer needs only the registration's id and version, read here by name from
 * either copy.
 */
final class HandOverAnswer {

    private HandOverAnswer() {
    }

    /** @param request a registration read with this session's classes or the next one's; null for an empty body */
    static RegisterResponse to(Object request) {
        if (request == null || request instanceof BaseRegister) {
            return RegisterHandler.acknowledgedOnly((BaseRegister) request);
        }
        BaseRegister copy = new BaseRegister();
        copy.setRegistId(read(request, "getRegistId", String.class));
        copy.setVersion(read(request, "getVersion", Long.class));
        return RegisterHandler.acknowledgedOnly(copy);
    }

    private static <V> V read(Object request, String getter, Class<V> type) {
        try {
            Object value = request.getClass().getMethod(getter).invoke(request);
            return type.isInstance(value) ? type.cast(value) : null;
        } catch (ReflectiveOperationException | RuntimeException notARegistration) {
            return null;
        }
    }
}
