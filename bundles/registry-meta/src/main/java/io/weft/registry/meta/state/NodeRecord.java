package io.weft.registry.meta.state;

import java.util.Objects;

/**
 * One registered server.
 *
 * @param address          {@code host} or {@code host:port} as the server names itself; the key of the list
 * @param dataCenter       the data center it runs in (REG-56)
 * @param lastRenewalMillis leader clock time of the last register or renewal, written into the command so
 *                          every replica agrees on it
 */
public record NodeRecord(String address, String dataCenter, long lastRenewalMillis) {

    public NodeRecord {
        Objects.requireNonNull(address, "address");
        if (address.isBlank()) {
            throw new IllegalArgumentException("a node address must not be blank");
        }
        dataCenter = dataCenter == null ? "" : dataCenter;
    }
}
