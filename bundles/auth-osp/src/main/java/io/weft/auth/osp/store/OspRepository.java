package io.weft.auth.osp.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.weft.api.osp.Instance;

/**
 * Where OSP keeps tenants, instances and AccessKeys. Every write is one transaction: it happens whole or
 * not at all. Inputs are already validated by the caller; this layer only stores them.
 *
 * @throws DuplicateEntryException from a create whose key exists
 * @throws StoreException          when the database fails
 */
public interface OspRepository {

    void createTenant(Tenant tenant);

    /** Every tenant, ordered by name. */
    List<Tenant> tenants();

    Optional<Tenant> tenant(String name);

    /** Stores the instance and its products; its tenant must exist. */
    void createInstance(Instance instance, Instant createdAt);

    /** Every instance, ordered by instanceId. */
    List<Instance> instances();

    Optional<Instance> instance(String instanceId);

    /** Stores the key, its permissions and its encrypted secret; its instance must exist. */
    void createAccessKey(StoredKey key);

    /** Every key, ordered by instanceId then accessKeyId. */
    List<StoredKey> accessKeys();

    Optional<StoredKey> accessKey(String accessKeyId);

    /** Marks an active key revoked; {@code false} if there is no such key or it was already revoked. */
    boolean revokeAccessKey(String accessKeyId, Instant revokedAt);
}
