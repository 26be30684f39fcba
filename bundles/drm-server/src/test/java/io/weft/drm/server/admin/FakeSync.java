package io.weft.drm.server.admin;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import io.weft.drm.protocol.DrmMessage;

/** Answers sync requests per {@code host:port} as a test says, and remembers every request. */
public final class FakeSync implements SyncRequests {

    /** One request as it was sent. */
    public record Sent(String peer, DrmMessage message) {
    }

    private final Map<String, Function<DrmMessage, CompletableFuture<DrmMessage>>> peers = new ConcurrentHashMap<>();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();

    public FakeSync answer(String peer, Function<DrmMessage, DrmMessage> answer) {
        peers.put(peer, m -> CompletableFuture.completedFuture(answer.apply(m)));
        return this;
    }

    /** The peer fails every request as the sync client does when it cannot connect. */
    public FakeSync refuse(String peer) {
        peers.put(peer, m -> CompletableFuture.failedFuture(new IllegalStateException("cannot connect to drmdata "
                + peer + ": Connection refused")));
        return this;
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    @Override
    public CompletableFuture<DrmMessage> request(String host, int port, DrmMessage request, Duration timeout) {
        String peer = host + ":" + port;
        sent.add(new Sent(peer, request));
        Function<DrmMessage, CompletableFuture<DrmMessage>> p = peers.get(peer);
        return p == null ? CompletableFuture.failedFuture(new IllegalStateException("cannot connect to drmdata " + peer))
                : p.apply(request);
    }
}
