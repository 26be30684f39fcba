package io.weft.acvip.http;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.weft.api.acvip.AcvipProtocol;

/**
 * A parsed {@code POST /antcloud/antvip/instances/get} (CON-25). Fields other than those below are
 * ignored, as real antvip clients send more ({@code datacenter}, {@code startTime},
 * {@code extensionParams}).
 *
 * @param checksums    domain → checksum the client holds ({@code "N"}: none), in request order
 * @param allowPolling wait for a change
 * @param from         who asks, for the log; empty if not sent
 * @param clientVersion client version, for the log; empty if not sent
 */
public record LookupRequest(Map<String, String> checksums, boolean allowPolling, String from, String clientVersion) {

    /** Most domains one request may ask for. */
    public static final int MAX_DOMAINS = 256;

    static final String EXPECTED = "such as {\"allowPolling\": false, \"vipDomainName2ChecksumMap\": "
            + "{\"default-SOFAREGISTRY\": \"N\"}}";

    public static LookupRequest parse(byte[] body) throws BadRequestException {
        JsonNode json = Json.object(body, EXPECTED);
        JsonNode map = json.get(AcvipProtocol.DOMAIN_CHECKSUMS);
        if (map == null || map.isNull()) {
            throw new BadRequestException("missing '" + AcvipProtocol.DOMAIN_CHECKSUMS
                    + "': the domains to look up, each with the checksum held (\"N\" for none)");
        }
        if (!map.isObject()) {
            throw new BadRequestException("'" + AcvipProtocol.DOMAIN_CHECKSUMS
                    + "' must be an object of domain name to checksum, got " + Json.kind(map));
        }
        if (map.isEmpty()) {
            throw new BadRequestException("'" + AcvipProtocol.DOMAIN_CHECKSUMS + "' names no domain");
        }
        if (map.size() > MAX_DOMAINS) {
            throw new BadRequestException("'" + AcvipProtocol.DOMAIN_CHECKSUMS + "' names " + map.size()
                    + " domains; at most " + MAX_DOMAINS + " per request");
        }
        Map<String, String> checksums = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode checksum = e.getValue();
            if (checksum.isNull()) {
                checksums.put(e.getKey(), AcvipProtocol.NO_CHECKSUM);
            } else if (checksum.isTextual()) {
                checksums.put(e.getKey(), checksum.asText());
            } else {
                throw new BadRequestException("checksum of '" + e.getKey()
                        + "' must be a string (\"N\" for none), got " + Json.kind(checksum));
            }
        }
        return new LookupRequest(checksums, bool(json, AcvipProtocol.ALLOW_POLLING),
                text(json, AcvipProtocol.FROM), text(json, AcvipProtocol.CLIENT_VERSION));
    }

    private static boolean bool(JsonNode json, String field) throws BadRequestException {
        JsonNode v = json.get(field);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw new BadRequestException("'" + field + "' must be true or false, got " + Json.kind(v));
        }
        return v.booleanValue();
    }

    static String text(JsonNode json, String field) throws BadRequestException {
        JsonNode v = json.get(field);
        if (v == null || v.isNull()) {
            return "";
        }
        if (!v.isTextual()) {
            throw new BadRequestException("'" + field + "' must be a string, got " + Json.kind(v));
        }
        return v.asText();
    }
}
