package io.weft.api.acvip;

import java.util.List;

/**
 * Local-first choice of addresses (KFK-16..KFK-18): a client uses the addresses of its own data center,
 * and only when that data center has none left, every other one.
 */
public final class DataCenters {

    private DataCenters() {
    }

    /**
     * The addresses in {@code dataCenter}, or all of them when none is there. A blank
     * {@code dataCenter} means the client has none configured: every address is returned.
     */
    public static List<ServiceAddress> prefer(String dataCenter, List<ServiceAddress> addresses) {
        if (dataCenter == null || dataCenter.isBlank()) {
            return List.copyOf(addresses);
        }
        List<ServiceAddress> local = addresses.stream()
                .filter(a -> a.dataCenter().equalsIgnoreCase(dataCenter.strip()))
                .toList();
        return local.isEmpty() ? List.copyOf(addresses) : local;
    }
}
