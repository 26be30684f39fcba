package io.weft.lib.sofa.lifecycle;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import com.alipay.remoting.TimerHolder;

/**
 * Creates Bolt's shared invoke-timeout timer ({@code TimerHolder}, a Netty {@code HashedWheelTimer}) while this
 * bundle starts, so that no user bundle's classes are on the stack that creates it.
 *
 * <p>Bolt creates the timer on the first call that needs it and keeps it as long as this bundle's class loader.
 * Netty's leak detector records where every such timer was created, and keeps that record (the classes of each
 * frame) while the timer lives; the timer's thread also keeps the access-control context of its creator, whose
 * protection domains name the callers' bundles. When the first caller was a bundle that was later updated in
 * place (registry-session's lease renewal, through {@code deploy/}), the timer kept that bundle's old revision,
 * its class loader and every class of it for the life of the process. Created here, the timer names only this
 * bundle and the framework. This bundle starts before every bundle that uses Bolt (feature start order 4), and
 * SCR activates this component as the bundle starts.
 *
 * <p>{@link StaticExecutorsShutdown} stops the timer with this bundle.
 */
@Component(immediate = true, service = {})
public final class BoltTimerStart {

    @Activate
    void activate() {
        TimerHolder.getTimer();
    }
}
