package io.weft.acvip.http;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

import io.weft.api.acvip.AcvipProtocol;
import io.weft.api.acvip.ServiceAddress;

/**
 * A parsed register or unregister call. Parsed and checked in full before the address book is touched,
 * so a bad request changes nothing.
 *
 * @param address the address
 * @param lease   the lease asked for; {@code null} when not given (the node's default applies)
 * @param caller  who made the call, for the log (the AccessKey, or unsigned from loopback); empty when
 *                not known yet
 */
public record RegistrationRequest(ServiceAddress address, Duration lease, String caller) {

    public RegistrationRequest {
        caller = caller == null ? "" : caller;
    }

    /** The same request, made by {@code caller}. */
    public RegistrationRequest withCaller(String caller) {
        return new RegistrationRequest(address, lease, caller);
    }

    static final String EXPECTED = "such as {\"service\": \"SOFAREGISTRY\", \"host\": \"10.0.0.5\", "
            + "\"port\": 9600, \"dataCenter\": \"dc1\", \"zone\": \"zone1\", \"leaseSeconds\": 30}";

    public static RegistrationRequest parse(byte[] body) throws BadRequestException {
        JsonNode json = Json.object(body, EXPECTED);
        String service = required(json, AcvipProtocol.SERVICE);
        String host = required(json, AcvipProtocol.HOST);
        JsonNode port = json.get(AcvipProtocol.PORT);
        if (port == null || !port.canConvertToInt() || !port.isIntegralNumber()) {
            throw new BadRequestException("'port' must be a whole number 1..65535, got " + Json.kind(port));
        }
        Duration lease = null;
        JsonNode seconds = json.get(AcvipProtocol.LEASE_SECONDS);
        if (seconds != null && !seconds.isNull()) {
            if (!seconds.isIntegralNumber() || seconds.asLong() < 1) {
                throw new BadRequestException("'leaseSeconds' must be a whole number of seconds >= 1, got "
                        + Json.kind(seconds));
            }
            lease = Duration.ofSeconds(seconds.asLong());
        }
        try {
            return new RegistrationRequest(new ServiceAddress(service, host, port.intValue(),
                    LookupRequest.text(json, AcvipProtocol.DATA_CENTER), LookupRequest.text(json, AcvipProtocol.ZONE)),
                    lease, "");
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    private static String required(JsonNode json, String field) throws BadRequestException {
        String v = LookupRequest.text(json, field);
        if (v.isBlank()) {
            throw new BadRequestException("missing '" + field + "': expected a JSON object " + EXPECTED);
        }
        return v;
    }
}
