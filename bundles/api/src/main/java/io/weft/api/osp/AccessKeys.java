package io.weft.api.osp;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Read access to the AccessKeys OSP knows, without their secrets. Thread-safe. */
@ProviderType
public interface AccessKeys {

    /** Every key, revoked ones included, ordered by instanceId then accessKeyId. */
    List<AccessKey> accessKeys();

    /** The key of that id, if it exists (revoked or not). */
    Optional<AccessKey> accessKey(String accessKeyId);
}
