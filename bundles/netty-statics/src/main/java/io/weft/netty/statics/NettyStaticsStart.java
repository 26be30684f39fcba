package io.weft.netty.statics;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.netty.util.concurrent.GlobalEventExecutor;
import io.netty.util.concurrent.ImmediateEventExecutor;

/**
 * Initialises, while this bundle starts, the Netty singletons whose class initialisation keeps a stack trace of
 * whoever touched them first, so that the stack names only this bundle and the framework.
 *
 * <p>{@code GlobalEventExecutor.INSTANCE} and {@code ImmediateEventExecutor.INSTANCE} each make, as their class
 * initialises, a failed termination future holding an {@code UnsupportedOperationException}. A Throwable keeps the
 * classes of every frame of the stack it was made on, and these live as long as netty-common's class loader, that
 * is, the process. Their first user is whichever bundle first builds an event loop or a channel group: drm-server
 * on a node of the {@code drm} role alone. When that bundle was then updated in place through {@code deploy/}, the
 * exception kept its old revision, its class loader and every class of it, loaded for good (measured with
 * {@code bench/upgrade/revisions.sh}: two loaders for drm-server's classes after one update instead of one).
 *
 * <p>The Netty feature starts this bundle (start order 3) after the Netty bundles and before every bundle that
 * uses Netty; SCR activates this component as the bundle starts. Netty's executor threads are Netty's own and end
 * by themselves when idle, so there is nothing to stop.
 */
@Component(immediate = true, service = {})
public final class NettyStaticsStart {

    @Activate
    void activate() {
        GlobalEventExecutor.INSTANCE.terminationFuture();
        ImmediateEventExecutor.INSTANCE.terminationFuture();
    }
}
