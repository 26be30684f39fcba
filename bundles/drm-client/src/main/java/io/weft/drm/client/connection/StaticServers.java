package io.weft.drm.client.connection;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.weft.drm.protocol.DrmPorts;

/** A fixed list of nodes, e.g. {@code servers("10.0.0.5:9880,10.0.0.6:9880")}; shuffled on every pass. */
public final class StaticServers implements ServerLocator {

    private final List<ServerAddress> servers;
    private final Random random;

    /** @throws IllegalArgumentException the list is empty or an entry is not {@code host[:port]} */
    public StaticServers(String commaSeparated, Random random) {
        List<ServerAddress> list = new ArrayList<>();
        for (String s : commaSeparated.split(",")) {
            if (!s.isBlank()) {
                list.add(ServerAddress.parse(s, DrmPorts.CLIENT));
            }
        }
        if (list.isEmpty()) {
            throw new IllegalArgumentException("no drmdata server in '" + commaSeparated + "'");
        }
        this.servers = List.copyOf(list);
        this.random = random;
    }

    @Override
    public List<ServerAddress> locate() {
        return ServerOrder.arrange(servers, "", random);
    }
}
