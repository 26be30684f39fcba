package io.weft.api.acvip;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The products ACVIP lists and how their domain names are formed: {@code {instanceId}-{SERVICE}}, e.g.
 * {@code default-SOFAREGISTRY} or the ops guide's {@code {instanceId}-SOFAKAFKA} (CON-26).
 */
public final class AcvipServices {

    /** Registry SessionServers, client port 9600 (REG-11). */
    public static final String SOFAREGISTRY = "SOFAREGISTRY";
    /** drmdata servers, client port 9880 (DRM-5). */
    public static final String DRM = "DRM";
    /** Scheduler servers, client registration port 9001 (SCH-6). */
    public static final String SCHEDULER = "SCHEDULER";
    /** SOFAKafka brokers, port 9092 (KFK-14). */
    public static final String SOFAKAFKA = "SOFAKAFKA";

    /** The products Weft serves; a domain naming another one is unknown. */
    public static final Set<String> KNOWN = Set.of(SOFAREGISTRY, DRM, SCHEDULER, SOFAKAFKA);

    private static final Pattern SERVICE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    /** As OSP names instances (e.g. {@code acme-prod}); a domain splits at its last {@code -}, and services hold none. */
    private static final Pattern INSTANCE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private AcvipServices() {
    }

    /** The domain name of a product for an instance. */
    public static String domainName(String instanceId, String service) {
        return checkInstanceId(instanceId) + "-" + checkService(service);
    }

    /**
     * A service name is upper case letters, digits and {@code _}, starting with a letter; the split
     * between instance and service in a domain name is its last {@code -}, so a service holds none.
     */
    public static String checkService(String service) {
        Objects.requireNonNull(service, "service");
        if (!SERVICE.matcher(service).matches()) {
            throw new IllegalArgumentException(
                    "service must be upper case letters, digits or _ (e.g. SOFAREGISTRY), was '" + service + "'");
        }
        return service;
    }

    public static String checkInstanceId(String instanceId) {
        Objects.requireNonNull(instanceId, "instanceId");
        if (!INSTANCE_ID.matcher(instanceId).matches()) {
            throw new IllegalArgumentException(
                    "instanceId must be 1-64 letters, digits, _, . or - starting with a letter or digit (e.g. default, acme-prod), was '" + instanceId + "'");
        }
        return instanceId;
    }
}
