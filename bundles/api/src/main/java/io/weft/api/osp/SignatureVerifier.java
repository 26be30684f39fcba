package io.weft.api.osp;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Checks AccessKey signatures (HMAC-SHA256) of requests to Weft's servers: the registry session server,
 * drmdata, the scheduler, the consoles' APIs. Thread-safe; answers from memory or a local database and
 * does not block on the network, so servers call it on their I/O threads.
 */
@ProviderType
public interface SignatureVerifier {

    /** Verifies one request. Never throws for bad input: every refusal is a {@link Verification}. */
    Verification verify(SignedRequest request);
}
