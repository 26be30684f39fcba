package io.weft.registry.session.connection;

import com.alipay.remoting.serialization.Serializer;
import com.alipay.remoting.serialization.SerializerManager;

/**
 * Bolt's Hessian slot in its JVM-wide serializer table (decision record 0017): {@link #install} puts the
 * session's safe serializer there, {@link #restore} puts back what was there before, unless someone else
 * has replaced it meanwhile. Bolt offers no per-server serializer, so the allow list of whatever is
 * installed last applies to every Bolt port of the JVM.
 */
final class HessianSerializerSlot {

    private final Serializer installed;
    private final Serializer previous;

    private HessianSerializerSlot(Serializer installed, Serializer previous) {
        this.installed = installed;
        this.previous = previous;
    }

    static HessianSerializerSlot install(Serializer serializer) {
        Serializer previous = SerializerManager.getSerializer(SerializerManager.Hessian2);
        SerializerManager.addSerializer(SerializerManager.Hessian2, serializer);
        return new HessianSerializerSlot(serializer, previous);
    }

    void restore() {
        if (previous != null && SerializerManager.getSerializer(SerializerManager.Hessian2) == installed) {
            SerializerManager.addSerializer(SerializerManager.Hessian2, previous);
        }
    }
}
