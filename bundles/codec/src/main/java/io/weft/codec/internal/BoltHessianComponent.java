package io.weft.codec.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import io.weft.codec.bolt.BoltHessian;
import io.weft.codec.bolt.BoltHessianSlot;
import io.weft.codec.hessian.SafeHessian;

/**
 * The node's one owner of Bolt's Hessian codec byte: bundles that serve or call Bolt register their classes
 * here instead of installing a serializer of their own, which would replace every other bundle's.
 */
@Component(service = BoltHessian.class)
public final class BoltHessianComponent implements BoltHessian {

    private BoltHessianSlot slot;

    @Activate
    void activate() {
        slot = BoltHessianSlot.open();
    }

    @Deactivate
    void deactivate() {
        slot.close();
    }

    @Override
    public Registration register(SafeHessian hessian, Refusals refused) {
        return slot.register(hessian, refused);
    }
}
