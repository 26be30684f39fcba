package io.weft.lib.sofa.lifecycle;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import com.alipay.remoting.TimerHolder;

import io.netty.channel.epoll.Epoll;

/**
 * Creates, while this bundle starts, the library singletons that keep the stack that first made them, so that no
 * user bundle's classes are on it.
 *
 * <p>Each lives as long as their library's class loader and were made by their first user, on its stack:
 * <ul>
 * <li>Bolt's shared invoke-timeout timer ({@code TimerHolder}, a Netty {@code HashedWheelTimer}): Netty's leak
 *     detector keeps a record of where each such timer was created (the classes of every frame) for the timer's
 *     life, and the timer's thread keeps its creator's access-control context. Its first user was registry-session's
 *     lease renewal.</li>
 * <li>Netty's {@code Epoll}: where the native transport cannot load, its class initialisation keeps the error
 *     (with its stack trace) as the reason. Its first user was Bolt's choice of transport for the first Bolt server,
 *     made by registry-meta in a standalone node.</li>
 * </ul>
 * When that user was a bundle later updated in place through {@code deploy/}, the singleton kept its old revision,
 * the revision's class loader and every class of it, for the life of the process. Made here, they name only this
 * bundle and the framework. This bundle starts before every bundle that uses Bolt or Netty through it (feature
 * start order 4), and SCR activates this component as the bundle starts. Netty's shared executors, which keep a
 * stack the same way and have users without Bolt, are made by {@code io.weft.netty-statics}.
 *
 * <p>{@link StaticExecutorsShutdown} stops the timer with this bundle.
 */
@Component(immediate = true, service = {})
public final class SharedStaticsStart {

    @Activate
    void activate() {
        TimerHolder.getTimer();
        Epoll.isAvailable();
    }
}
