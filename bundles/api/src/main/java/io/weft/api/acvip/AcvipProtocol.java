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
 *
 * <h2>Signing register and unregister (OSP AccessKey)</h2>
 * Register and unregister decide where applications send their traffic, so they carry an OSP AccessKey
 * signature in HTTP headers (lookups stay open, CON-25). Headers rather than JSON fields, so that the
 * signature covers the request body byte for byte:
 * <pre>
 * X-Weft-AccessKey: AK7Q2M0XK4V9T1C8B3NZ       the key's id
 * X-Weft-Instance:  default                    the instance the key is bound to (see below)
 * X-Weft-Timestamp: 1764000000123              epoch milliseconds, exact (not rounded)
 * X-Weft-Signature: 3q2+7w...=                 Base64(HMAC-SHA256(SecretKey, stringToSign))
 * X-Weft-Algorithm: HmacSHA256                 optional; nothing else is accepted
 *
 * stringToSign = instanceId + timestamp + "\n" + body   (body: the raw request body, UTF-8)
 * </pre>
 * That is the rule of OSP's one-shot requests ({@code io.weft.api.osp.SignedRequest#oneShot},
 * {@code io.weft.api.osp.RequestSigning#stringToSign}): the timestamp must be within the OSP node's clock
 * skew window (300 s by default) and a signature is accepted once only, so every call signs anew
 * ({@link AcvipClient} does this when given {@link AcvipCredentials}). The key needs the permission
 * {@value #REGISTER_PERMISSION}.
 *
 * <p><b>Which instance.</b> A registered address serves a product for every instance, but an OSP key is
 * bound to one instance. The request names the key's own instance in {@code X-Weft-Instance} (a key of
 * another instance is refused, {@code INSTANCE_MISMATCH}), and that instance must have the product of
 * the address ({@code service}) enabled in OSP; otherwise the call is refused with reason
 * {@value #PRODUCT_NOT_ENABLED}. So an operator gives the servers of a product a key of an instance that
 * has the product (e.g. {@code default}) with {@value #REGISTER_PERMISSION}, and a tenant's application
 * key, which lacks that permission, cannot move anyone's traffic.
 *
 * <p><b>Loopback.</b> A call from the node's own host (127.0.0.0/8, {@code ::1}, by the TCP peer's
 * address) without signature headers is accepted while the node's
 * {@code registrationRequiresSignatureFromLoopback} is {@code false} (the default), as the ops endpoints
 * are; a call that does carry signature headers is always verified.
 *
 * <p><b>Refusals</b> change nothing and are logged (WARN, with the AccessKey id, never the signature or
 * secret) in the ACVIP log. No signature: 401 (with {@code WWW-Authenticate}); a signature that does not
 * pass: 403. The body names the reason, an {@code io.weft.api.osp.Verification.Reason} or
 * {@value #PRODUCT_NOT_ENABLED}:
 * <pre>
 * {"errorCode": 403, "errorMsg": "registration refused: AccessKey AK... lacks permission antcloud.acvip.register",
 *  "reason": "PERMISSION_DENIED"}
 * </pre>
 * A signed call is verified before its body is parsed, so a malformed body from an unsigned remote caller
 * gets 401, not 400.
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

    // Signed registration
    /** The OSP permission register and unregister need. */
    public static final String REGISTER_PERMISSION = "antcloud.acvip.register";
    /** Header: the AccessKey id. */
    public static final String ACCESS_KEY_HEADER = "X-Weft-AccessKey";
    /** Header: the instance the AccessKey is bound to, the {@code instanceId} of the signed string. */
    public static final String INSTANCE_HEADER = "X-Weft-Instance";
    /** Header: epoch milliseconds of the signature, exact. */
    public static final String TIMESTAMP_HEADER = "X-Weft-Timestamp";
    /** Header: Base64 of the HMAC-SHA256. */
    public static final String SIGNATURE_HEADER = "X-Weft-Signature";
    /** Header, optional: the algorithm; only {@code HmacSHA256}. */
    public static final String ALGORITHM_HEADER = "X-Weft-Algorithm";
    /** Refusal field: why ({@code io.weft.api.osp.Verification.Reason} or {@link #PRODUCT_NOT_ENABLED}). */
    public static final String REASON = "reason";
    /** Refusal reason: the key's instance does not have the address's product enabled in OSP. */
    public static final String PRODUCT_NOT_ENABLED = "PRODUCT_NOT_ENABLED";
    /** The scheme named in a 401's {@code WWW-Authenticate}. */
    public static final String AUTH_SCHEME = "Weft-OSP-HmacSHA256";

    private AcvipProtocol() {
    }
}
