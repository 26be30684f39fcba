package io.weft.drm.server.admin;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.weft.drm.protocol.DrmMessage;

/**
 * One request to a drmdata node's sync port and its answer: what the admin needs of
 * {@link io.weft.drm.server.sync.SyncClient}, whose {@code request} method fits.
 */
@FunctionalInterface
public interface SyncRequests {

    CompletableFuture<DrmMessage> request(String host, int port, DrmMessage request, Duration timeout);
}
