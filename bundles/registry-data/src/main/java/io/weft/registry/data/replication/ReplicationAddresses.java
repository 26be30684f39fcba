package io.weft.registry.data.replication;

/**
 * Where a data server takes replication and slot sync requests, from its address in the slot table
 * ({@code host:9620}). The slot table names data servers by their session port only, so the replication port is
 * derived from it by a rule every data server of the cluster follows.
 */
@FunctionalInterface
public interface ReplicationAddresses {

    String of(String dataAddress);

    /**
     * Every data server of the cluster takes them on the same port of its own host, as the seed's 9621 everywhere.
     */
    static ReplicationAddresses samePort(int replicationPort) {
        return dataAddress -> {
            int colon = dataAddress.lastIndexOf(':');
            String host = colon < 0 ? dataAddress : dataAddress.substring(0, colon);
            return host + ":" + replicationPort;
        };
    }

    /**
     * Every data server takes them the same distance above (or below) its session port as this one: the seed's
     * 9620 and 9621 on every host, or 9630 and 9631 for a second data server on the same host.
     */
    static ReplicationAddresses sameOffset(int sessionPort, int replicationPort) {
        int offset = replicationPort - sessionPort;
        return dataAddress -> {
            int colon = dataAddress.lastIndexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("not host:port: " + dataAddress);
            }
            int port = Integer.parseInt(dataAddress.substring(colon + 1)) + offset;
            return dataAddress.substring(0, colon) + ":" + port;
        };
    }
}
