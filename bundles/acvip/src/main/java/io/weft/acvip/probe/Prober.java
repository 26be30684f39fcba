package io.weft.acvip.probe;

import java.time.Duration;

import io.weft.api.acvip.ServiceAddress;

/** Tells whether an address answers. Called from probe threads; may block up to the timeout. */
@FunctionalInterface
public interface Prober {

    boolean reachable(ServiceAddress address, Duration timeout);
}
