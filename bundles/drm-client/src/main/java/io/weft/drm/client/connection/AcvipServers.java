package io.weft.drm.client.connection;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.weft.api.acvip.AcvipClient;
import io.weft.api.acvip.AcvipServices;
import io.weft.api.acvip.ServiceAddress;

/**
 * The nodes ACVIP lists in the domain {@code {instanceId}-DRM} (DRM-5). The ACVIP client is built
 * without a data center, so every node comes back and this class puts the client's own data center
 * first: when all of those are down the client still reaches another one (DRM-30).
 */
public final class AcvipServers implements ServerLocator {

    /** The seed's message for an empty answer (DRM-24); operators search common-error.log for it. */
    public static final String EMPTY = "Query zdrmdata server address empty";

    private final AcvipClient acvip;
    private final String instanceId;
    private final String dataCenter;
    private final Random random;

    public AcvipServers(AcvipClient acvip, String instanceId, String dataCenter, Random random) {
        this.acvip = acvip;
        this.instanceId = instanceId;
        this.dataCenter = dataCenter;
        this.random = random;
    }

    @Override
    public List<ServerAddress> locate() throws IOException {
        List<ServiceAddress> found;
        try {
            found = acvip.lookup(instanceId, AcvipServices.DRM);
        } catch (IllegalArgumentException | IOException e) {
            // Unknown domain or no ACVIP node answering: either way no address, as the seed reports it.
            throw new IOException(EMPTY + ": " + e.getMessage(), e);
        }
        if (found.isEmpty()) {
            throw new IOException(EMPTY + ": ACVIP lists no address in "
                    + AcvipServices.domainName(instanceId, AcvipServices.DRM));
        }
        List<ServerAddress> servers = new ArrayList<>(found.size());
        for (ServiceAddress a : found) {
            servers.add(new ServerAddress(a.host(), a.port(), a.dataCenter()));
        }
        return ServerOrder.arrange(servers, dataCenter, random);
    }
}
