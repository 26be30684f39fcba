package io.weft.drm.server.node;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.weft.api.acvip.AcvipClient;
import io.weft.api.acvip.AcvipCredentials;
import io.weft.api.acvip.AcvipServices;
import io.weft.api.acvip.ServiceAddress;

/**
 * Keeps this node's client address listed in ACVIP while the client port is bound (DRM-5): always as an
 * OSGi {@link ServiceAddress} service (through {@code publishLocal}, picked up by an ACVIP of the same
 * node), and, when endpoints are configured, registered with those ACVIP nodes with a 30 s lease.
 * Called by one thread at a time.
 */
public final class AcvipPublication implements AutoCloseable {

    static final Duration LEASE = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(AcvipPublication.class);

    /** What is published: the address (or null) and where. */
    public record Target(ServiceAddress address, List<String> endpoints, AcvipCredentials credentials) {
    }

    private final Consumer<ServiceAddress> publishLocal;
    private Target current = new Target(null, List.of(), null);
    private AcvipClient client;
    private AutoCloseable remote;

    /** @param publishLocal registers the local service for an address, or unregisters it on {@code null} */
    public AcvipPublication(Consumer<ServiceAddress> publishLocal) {
        this.publishLocal = publishLocal;
    }

    /** The address to list now; {@code host} and {@code port} are this node's, {@code port 0}: not bound. */
    public static ServiceAddress addressOf(String host, int port, String dataCenter, String zone) {
        return port <= 0 ? null : new ServiceAddress(AcvipServices.DRM, host, port, dataCenter, zone);
    }

    public void update(Target next) {
        if (Objects.equals(next, current)) {
            return;
        }
        if (!Objects.equals(next.address(), current.address())) {
            publishLocal.accept(next.address());
        }
        stopRemote();
        current = next;
        if (next.address() != null && !next.endpoints().isEmpty()) {
            try {
                AcvipClient.Builder b = AcvipClient.builder().from("drmdata");
                next.endpoints().forEach(b::endpoint);
                client = b.build();
                remote = client.keepRegistered(next.address(), LEASE, next.credentials());
                LOG.info("drmdata address {} registered with ACVIP {}", next.address().hostAndPort(), next.endpoints());
            } catch (RuntimeException e) {
                LOG.error("cannot register drmdata address with ACVIP {}: {}", next.endpoints(), e.getMessage());
                stopRemote();
            }
        }
    }

    @Override
    public void close() {
        update(new Target(null, List.of(), null));
    }

    private void stopRemote() {
        if (remote != null) {
            try {
                remote.close();
            } catch (Exception e) {
                LOG.info("unregistering drmdata from ACVIP failed (its lease ends it): {}", e.getMessage());
            }
            remote = null;
        }
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
