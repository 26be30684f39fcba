package io.weft.api.osp;

import java.util.Objects;
import java.util.Set;

/**
 * A tenant instance: the namespace of registry data, the unit DRM authorises, the prefix of ACVIP
 * domains ({@code {instanceId}-SOFAREGISTRY}).
 *
 * @param instanceId stable identifier, e.g. {@code default}
 * @param tenant     the tenant owning the instance
 * @param workspace  the tenant workspace the instance belongs to
 * @param products   products enabled for the instance, upper case as in ACVIP domains
 *                   ({@code SOFAREGISTRY}, {@code DRM}, {@code SCHEDULER}, {@code SOFAKAFKA})
 */
public record Instance(String instanceId, String tenant, String workspace, Set<String> products) {

    public Instance {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(workspace, "workspace");
        products = Set.copyOf(products);
    }

    public boolean isEnabled(String product) {
        return products.contains(product);
    }
}
