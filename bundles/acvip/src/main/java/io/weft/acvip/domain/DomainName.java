package io.weft.acvip.domain;

import io.weft.api.acvip.AcvipServices;

/**
 * A parsed domain name {@code {instanceId}-{SERVICE}}. The service is what follows the last {@code -},
 * so an instanceId may not contain one (checked by {@link AcvipServices#checkInstanceId}).
 */
public record DomainName(String instanceId, String service) {

    /**
     * @throws IllegalArgumentException with the reason an operator reads in the answer's
     *         {@code unknownDomains}
     */
    public static DomainName parse(String name) {
        int dash = name.lastIndexOf('-');
        if (dash <= 0 || dash == name.length() - 1) {
            throw new IllegalArgumentException(
                    "not a domain name: expected {instanceId}-{SERVICE}, e.g. default-SOFAREGISTRY");
        }
        String service = name.substring(dash + 1);
        AcvipServices.checkInstanceId(name.substring(0, dash));
        AcvipServices.checkService(service);
        if (!AcvipServices.KNOWN.contains(service)) {
            throw new IllegalArgumentException("unknown product '" + service + "' (known: "
                    + AcvipServices.KNOWN.stream().sorted().toList() + ")");
        }
        return new DomainName(name.substring(0, dash), service);
    }

    @Override
    public String toString() {
        return instanceId + "-" + service;
    }
}
