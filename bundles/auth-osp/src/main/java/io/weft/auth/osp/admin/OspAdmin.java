package io.weft.auth.osp.admin;

import java.util.List;

import io.weft.api.osp.AccessKey;
import io.weft.api.osp.Instance;
import io.weft.auth.osp.store.Tenant;

/**
 * Administration of the node's own OSP, used by the Gogo commands and the console page. Every method
 * either does all it says or nothing, and refuses bad input with an {@link OspRequestException}.
 */
public interface OspAdmin {

    Tenant createTenant(String name);

    /**
     * @param workspace {@code null} or empty for {@value LocalOsp#DEFAULT_WORKSPACE}
     * @param products  empty for every product
     */
    Instance createInstance(String tenant, String instanceId, String workspace, List<String> products);

    NewAccessKey createAccessKey(String instanceId, List<String> permissions);

    AccessKey revokeAccessKey(String accessKeyId);

    List<Tenant> tenants();

    List<Instance> instances();

    List<AccessKey> accessKeys();
}
