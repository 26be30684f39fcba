package io.weft.api.acvip;

import java.util.Objects;

/**
 * One address serving a product, as listed in every {@code {instanceId}-{service}} domain of an
 * instance that has the product enabled.
 *
 * <p>Registered as an OSGi service (under this class) by a role running in the same node as ACVIP: the
 * address is listed while the service is registered and its port answers the health probe.
 *
 * @param service    product in upper case as in domain names, e.g. {@code SOFAREGISTRY}
 * @param host       IP address or host name clients connect to
 * @param port       TCP port clients connect to, also the port ACVIP probes
 * @param dataCenter data center of the address, used by clients to prefer their own; may be empty
 * @param zone       zone (unit) of the address inside the data center; may be empty
 */
public record ServiceAddress(String service, String host, int port, String dataCenter, String zone) {

    public ServiceAddress {
        service = AcvipServices.checkService(service);
        Objects.requireNonNull(host, "host");
        if (host.isBlank() || host.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("host must be an address without spaces, was '" + host + "'");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, was " + port);
        }
        dataCenter = dataCenter == null ? "" : dataCenter.strip();
        zone = zone == null ? "" : zone.strip();
    }

    /** {@code host:port}, the form clients dial. */
    public String hostAndPort() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
