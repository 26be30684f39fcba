package io.weft.registry.session.cluster;

import java.util.function.BiConsumer;

/**
 * Asynchronous calls to the cluster's nodes: what {@link PublicationSync} needs of {@link ClusterRpc}, so it can be
 * driven by a test's data server that answers when the test says.
 */
public interface AsyncCalls {

    /**
     * Calls without waiting for the reply; {@code done} gets the reply or the failure (the other one null), on the
     * transport's thread or, when the call cannot even be sent, on the calling one. Implementations answer a call
     * that cannot be sent through {@code done}, not by throwing; callers still guard against a throw, so that one
     * transport's fault cannot leave a call unanswered for good.
     */
    <R> void callAsync(String address, Object request, Class<R> replyType, int timeoutMillis,
            BiConsumer<R, CallFailedException> done);
}
