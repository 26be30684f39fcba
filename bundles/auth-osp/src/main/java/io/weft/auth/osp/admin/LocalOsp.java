package io.weft.auth.osp.admin;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.weft.api.osp.AccessKey;
import io.weft.api.osp.AccessKeys;
import io.weft.api.osp.Instance;
import io.weft.api.osp.InstanceDirectory;
import io.weft.api.osp.SignatureVerifier;
import io.weft.api.osp.SignedRequest;
import io.weft.api.osp.Verification;
import io.weft.auth.osp.secret.Credentials;
import io.weft.auth.osp.secret.SecretCipher;
import io.weft.auth.osp.store.DuplicateEntryException;
import io.weft.auth.osp.store.OspRepository;
import io.weft.auth.osp.store.StoredKey;
import io.weft.auth.osp.store.Tenant;

/**
 * The node's own OSP: tenants, instances and AccessKeys in the {@link OspRepository}, signatures checked by
 * the given {@link SignatureVerifier}. Free of OSGi types so it is tested with plain JUnit; the DS
 * component only wires it. Thread-safe as far as its repository is.
 *
 * <p>Every change is written to the audit log ({@value #AUDIT_LOGGER}) with the AccessKey id, never the
 * secret; refused verifications go there too.
 */
public final class LocalOsp implements OspAdmin, InstanceDirectory, AccessKeys, SignatureVerifier {

    public static final String DEFAULT_TENANT = "default";
    public static final String DEFAULT_WORKSPACE = "default";
    public static final String DEFAULT_INSTANCE = "default";
    /** Logger of changes and refusals, routed to {@code logs/osp/auth-audit.log} by the node's logging. */
    public static final String AUDIT_LOGGER = "io.weft.auth.osp.audit";

    private static final Logger AUDIT = LoggerFactory.getLogger(AUDIT_LOGGER);

    private final OspRepository repository;
    private final SecretCipher cipher;
    private final Credentials credentials;
    private final Clock clock;
    private final SignatureVerifier verifier;

    public LocalOsp(OspRepository repository, SecretCipher cipher, Credentials credentials, Clock clock,
            SignatureVerifier verifier) {
        this.repository = repository;
        this.cipher = cipher;
        this.credentials = credentials;
        this.clock = clock;
        this.verifier = verifier;
    }

    /**
     * Creates tenant {@code default} and instance {@code default} (workspace {@code default}, every product)
     * unless that instance exists: what a standalone node starts with.
     *
     * @return {@code true} if something was created
     */
    public boolean bootstrapDefault() {
        if (repository.instance(DEFAULT_INSTANCE).isPresent()) {
            return false;
        }
        // Nodes sharing one database may start together: the one that loses the race finds the
        // tenant or instance created by the other, which is what it wanted.
        try {
            if (repository.tenant(DEFAULT_TENANT).isEmpty()) {
                createTenant(DEFAULT_TENANT);
            }
        } catch (OspRequestException raced) {
            if (repository.tenant(DEFAULT_TENANT).isEmpty()) {
                throw raced;
            }
        }
        try {
            createInstance(DEFAULT_TENANT, DEFAULT_INSTANCE, DEFAULT_WORKSPACE, List.of());
            return true;
        } catch (OspRequestException raced) {
            if (repository.instance(DEFAULT_INSTANCE).isEmpty()) {
                throw raced;
            }
            return false;
        }
    }

    @Override
    public Tenant createTenant(String name) {
        Names.name("tenant", name);
        Tenant tenant = new Tenant(name, now());
        try {
            repository.createTenant(tenant);
        } catch (DuplicateEntryException e) {
            throw new OspRequestException("Tenant " + name + " already exists");
        }
        AUDIT.info("CREATED tenant={}", name);
        return tenant;
    }

    @Override
    public Instance createInstance(String tenant, String instanceId, String workspace, List<String> products) {
        Names.name("tenant", tenant);
        Names.name("instanceId", instanceId);
        String ws = workspace == null || workspace.isEmpty() ? DEFAULT_WORKSPACE : Names.name("workspace", workspace);
        Set<String> enabled = Names.products(products.isEmpty() ? Names.PRODUCTS : products);
        if (repository.tenant(tenant).isEmpty()) {
            throw new OspRequestException("Unknown tenant " + tenant + ": create it first");
        }
        Instance instance = new Instance(instanceId, tenant, ws, enabled);
        try {
            repository.createInstance(instance, now());
        } catch (DuplicateEntryException e) {
            throw new OspRequestException("Instance " + instanceId + " already exists");
        }
        AUDIT.info("CREATED instance={} tenant={} workspace={} products={}", instanceId, tenant, ws, enabled);
        return instance;
    }

    @Override
    public NewAccessKey createAccessKey(String instanceId, List<String> permissions) {
        Names.name("instanceId", instanceId);
        Set<String> granted = Names.permissions(permissions);
        if (repository.instance(instanceId).isEmpty()) {
            throw new OspRequestException("Unknown instance " + instanceId + ": create it first");
        }
        String id = credentials.newAccessKeyId();
        String secret = credentials.newSecretKey();
        AccessKey key = new AccessKey(id, instanceId, granted, now(), null);
        try {
            repository.createAccessKey(new StoredKey(key, cipher.encrypt(id, secret)));
        } catch (DuplicateEntryException e) {
            // 18 random characters colliding is not expected; say so rather than retry silently.
            throw new OspRequestException("Generated AccessKey id " + id + " already exists; try again");
        }
        AUDIT.info("CREATED accessKey={} instance={} permissions={}", id, instanceId, granted);
        return new NewAccessKey(key, secret);
    }

    @Override
    public AccessKey revokeAccessKey(String accessKeyId) {
        Names.name("AccessKey", accessKeyId);
        Optional<StoredKey> existing = repository.accessKey(accessKeyId);
        if (existing.isEmpty()) {
            throw new OspRequestException("Unknown AccessKey " + accessKeyId);
        }
        if (!existing.get().key().isActive()) {
            throw new OspRequestException("AccessKey " + accessKeyId + " was already revoked at "
                    + existing.get().key().revokedAt());
        }
        Instant at = now();
        if (!repository.revokeAccessKey(accessKeyId, at)) {
            throw new OspRequestException("AccessKey " + accessKeyId + " was revoked meanwhile");
        }
        AUDIT.info("REVOKED accessKey={} instance={}", accessKeyId, existing.get().key().instanceId());
        AccessKey k = existing.get().key();
        return new AccessKey(k.accessKeyId(), k.instanceId(), k.permissions(), k.createdAt(), at);
    }

    @Override
    public List<Tenant> tenants() {
        return repository.tenants();
    }

    @Override
    public List<Instance> instances() {
        return repository.instances();
    }

    @Override
    public Optional<Instance> instance(String instanceId) {
        return instanceId == null ? Optional.empty() : repository.instance(instanceId);
    }

    @Override
    public List<AccessKey> accessKeys() {
        List<AccessKey> out = new ArrayList<>();
        for (StoredKey stored : repository.accessKeys()) {
            out.add(stored.key());
        }
        return out;
    }

    @Override
    public Optional<AccessKey> accessKey(String accessKeyId) {
        return accessKeyId == null ? Optional.empty() : repository.accessKey(accessKeyId).map(StoredKey::key);
    }

    @Override
    public Verification verify(SignedRequest request) {
        Verification v = verifier.verify(request);
        if (!v.isAccepted()) {
            // The message echoes what the client sent: stripped of control characters, one line per refusal.
            AUDIT.info("REFUSED reason={} instance={} {}", v.reason(), Names.printable(request.instanceId()),
                    Names.printable(v.message()));
        }
        return v;
    }

    /** Stored to the millisecond, so what is returned equals what is read back. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
