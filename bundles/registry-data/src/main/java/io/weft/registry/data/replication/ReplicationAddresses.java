package io.weft.registry.data.replication;

/**
 * Where a data server takes replication and slot sync requests, from its address in the slot table
 * ({@code host:9620}). The slot table names data servers by their session port only.
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
}
