package io.weft.api.acvip;

/**
 * The HTTP protocol of an ACVIP node (port 9003 by default), shared by the server and
 * {@link AcvipClient}. All bodies are UTF-8 JSON; unknown request fields are ignored, so real
 * antvip clients' extra fields ({@code datacenter}, {@code startTime}, {@code extensionParams}) do no
 * harm.
 *
 * <h2>{@code POST /antcloud/antvip/instances/get} — look addresses up (CON-25)</h2>
 * <pre>
 * {"allowPolling": false, "from": "sofakafka-client", "clientVersion": "direct_http_json",
 *  "vipDomainName2ChecksumMap": {"default-SOFAKAFKA": "N", "default-DRM": "9c1f0e27d4a3b6e2"}}
 * </pre>
 * Each map value is the checksum of the domain the client already holds; {@code "N"} (or any value that
 * is not the current checksum) asks for the full domain. With {@code allowPolling: true} and every
 * domain unchanged, the call waits until one of them changes or the node's maximum wait (30 s by
 * default) passes. The answer, always 200 for a well-formed request:
 * <pre>
 * {"errorCode": 0, "errorMsg": null,
 *  "vipDomains": [                       // only domains whose checksum differs from the request's
 *    {"name": "default-SOFAKAFKA", "checksum": "5be0c6a1f2d49a87", "productEnabled": true,
 *     "realNodes": [{"ip": "10.0.0.5", "port": 9092, "healthCheckPort": 9092, "dataCenter": "dc1",
 *                    "zone": "zone1", "available": true, "weight": 100}]}],
 *  "notModified": ["default-DRM"],       // checksum unchanged: keep what you have
 *  "unknownDomains": {"nobody-DRM": "no instance 'nobody'"},   // with the reason for each
 *  "extensionParams": {"EXTENSION_NOT_EXIST_DOMAINS": ["nobody-DRM"]},
 *  "polled": false,                      // true when the call waited for a change
 *  "pollingAccepted": true,              // false: too many waiting polls, answered at once; back off
 *  "acceptTime": 1764000000000}
 * </pre>
 * Every requested domain is in exactly one of {@code vipDomains}, {@code notModified} and
 * {@code unknownDomains}. An empty {@code realNodes} with {@code productEnabled: false} means the
 * product is not enabled for the instance in OSP (CON-21, CON-27); with {@code productEnabled: true} it
 * means no healthy address is registered. A malformed request gets 400 and
 * {@code {"errorCode": 400, "errorMsg": "..."}} saying what is wrong.
 *
 * <h2>{@code POST /antcloud/antvip/instances/register} — register or renew an address</h2>
 * <pre>
 * {"service": "SOFAREGISTRY", "host": "10.0.0.5", "port": 9600, "dataCenter": "dc1", "zone": "zone1",
 *  "leaseSeconds": 30}
 * </pre>
 * Answer: {@code {"errorCode": 0, "errorMsg": null, "leaseSeconds": 30}}. The address is listed until
 * the lease runs out unless the same call renews it ({@code leaseSeconds} is optional and capped by the
 * node); it also leaves the list while its port fails the health probe for longer than the node's
 * dead-after time, and comes back once it answers again.
 *
 * <h2>{@code POST /antcloud/antvip/instances/unregister} — remove an address at once</h2>
 * Body: the same fields as register without {@code leaseSeconds}; answer
 * {@code {"errorCode": 0, "errorMsg": null, "removed": true|false}}.
 */
public final class AcvipProtocol {

    public static final int DEFAULT_PORT = 9003;

    public static final String GET_PATH = "/antcloud/antvip/instances/get";
    public static final String REGISTER_PATH = "/antcloud/antvip/instances/register";
    public static final String UNREGISTER_PATH = "/antcloud/antvip/instances/unregister";

    /** The checksum a client sends when it holds nothing for a domain. */
    public static final String NO_CHECKSUM = "N";

    // Lookup request
    public static final String DOMAIN_CHECKSUMS = "vipDomainName2ChecksumMap";
    public static final String ALLOW_POLLING = "allowPolling";
    public static final String FROM = "from";
    public static final String CLIENT_VERSION = "clientVersion";

    // Lookup answer
    public static final String ERROR_CODE = "errorCode";
    public static final String ERROR_MSG = "errorMsg";
    public static final String VIP_DOMAINS = "vipDomains";
    public static final String NOT_MODIFIED = "notModified";
    public static final String UNKNOWN_DOMAINS = "unknownDomains";
    public static final String EXTENSION_PARAMS = "extensionParams";
    public static final String NOT_EXIST_DOMAINS = "EXTENSION_NOT_EXIST_DOMAINS";
    public static final String POLLED = "polled";
    public static final String POLLING_ACCEPTED = "pollingAccepted";
    public static final String ACCEPT_TIME = "acceptTime";
    public static final String NAME = "name";
    public static final String CHECKSUM = "checksum";
    public static final String PRODUCT_ENABLED = "productEnabled";
    public static final String REAL_NODES = "realNodes";
    public static final String IP = "ip";
    public static final String PORT = "port";
    public static final String HEALTH_CHECK_PORT = "healthCheckPort";
    public static final String DATA_CENTER = "dataCenter";
    public static final String ZONE = "zone";
    public static final String AVAILABLE = "available";
    public static final String WEIGHT = "weight";

    // Registration
    public static final String SERVICE = "service";
    public static final String HOST = "host";
    public static final String LEASE_SECONDS = "leaseSeconds";
    public static final String REMOVED = "removed";

    private AcvipProtocol() {
    }
}
