package io.weft.drm.client.connection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Own data center first, then the others; random within each group so clients spread over the nodes. */
final class ServerOrder {

    private ServerOrder() {
    }

    static List<ServerAddress> arrange(List<ServerAddress> servers, String dataCenter, Random random) {
        List<ServerAddress> local = new ArrayList<>();
        List<ServerAddress> others = new ArrayList<>();
        for (ServerAddress s : servers) {
            (dataCenter.isEmpty() || dataCenter.equalsIgnoreCase(s.dataCenter()) ? local : others).add(s);
        }
        synchronized (random) {
            Collections.shuffle(local, random);
            Collections.shuffle(others, random);
        }
        local.addAll(others);
        return local;
    }
}
