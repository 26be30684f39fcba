package io.weft.auth.osp.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import io.weft.api.osp.AccessKey;
import io.weft.api.osp.Instance;
import io.weft.auth.osp.admin.Names;
import io.weft.auth.osp.admin.NewAccessKey;
import io.weft.auth.osp.admin.OspAdmin;
import io.weft.auth.osp.admin.OspRequestException;
import io.weft.auth.osp.store.Tenant;

/** An in-memory {@link OspAdmin} with fixed ids, secrets and times, validating as the real one does. */
public final class FakeAdmin implements OspAdmin {

    public static final Instant T = Instant.parse("2026-11-22T10:15:30.123Z");
    public static final String SECRET = "FakeSecretKey000000000000000001";

    public final List<Tenant> tenants = new ArrayList<>();
    public final List<Instance> instances = new ArrayList<>();
    public final List<AccessKey> keys = new ArrayList<>();
    private int next = 1;

    @Override
    public Tenant createTenant(String name) {
        Names.name("tenant", name);
        Tenant t = new Tenant(name, T);
        tenants.add(t);
        return t;
    }

    @Override
    public Instance createInstance(String tenant, String instanceId, String workspace, List<String> products) {
        Names.name("tenant", tenant);
        Names.name("instanceId", instanceId);
        String ws = workspace == null || workspace.isEmpty() ? "default" : Names.name("workspace", workspace);
        Instance i = new Instance(instanceId, tenant, ws,
                Names.products(products.isEmpty() ? Names.PRODUCTS : products));
        instances.add(i);
        return i;
    }

    @Override
    public NewAccessKey createAccessKey(String instanceId, List<String> permissions) {
        Names.name("instanceId", instanceId);
        AccessKey k = new AccessKey(String.format("AKFAKE%014d", next++), instanceId,
                new LinkedHashSet<>(Names.permissions(permissions)), T, null);
        keys.add(k);
        return new NewAccessKey(k, SECRET);
    }

    @Override
    public AccessKey revokeAccessKey(String accessKeyId) {
        for (int i = 0; i < keys.size(); i++) {
            AccessKey k = keys.get(i);
            if (k.accessKeyId().equals(accessKeyId)) {
                AccessKey revoked = new AccessKey(k.accessKeyId(), k.instanceId(), k.permissions(), k.createdAt(),
                        T.plusSeconds(60));
                keys.set(i, revoked);
                return revoked;
            }
        }
        throw new OspRequestException("Unknown AccessKey " + accessKeyId);
    }

    @Override
    public List<Tenant> tenants() {
        return List.copyOf(tenants);
    }

    @Override
    public List<Instance> instances() {
        return List.copyOf(instances);
    }

    @Override
    public List<AccessKey> accessKeys() {
        return List.copyOf(keys);
    }
}
