package io.weft.registry.session;

import io.weft.registry.session.connection.ClientLimits;
import java.util.Objects;

/**
 * How a session server runs. Defaults are the seed's where it has one.
 *
 * @param host                  the address the client port binds
 * @param port                  the client port (9600), 0 for any free one
 * @param dataCenter            this session's data center, the push segment (RCP-9, RCP-11)
 * @param zone                  this session's zone, for registrations that name none
 * @param signatureRequired     whether registrations must carry a valid AccessKey signature (REG-90)
 * @param limits                what the client port tolerates from clients: payload and frame size, new
 *                              connections per address and second, open connections
 * @param pushTimeoutMillis     how long a client has to acknowledge a push
 * @param pushCoalesceMillis    changes within this window become one push per connection and datum
 * @param pushRetryMillis       delay before a failed push is tried again
 * @param syncConfigRetryMillis when clients should send their next {@code SyncConfigRequest}
 */
public record SessionOptions(String host, int port, String dataCenter, String zone, boolean signatureRequired,
        ClientLimits limits, int pushTimeoutMillis, long pushCoalesceMillis, long pushRetryMillis,
        int syncConfigRetryMillis) {

    public static final int DEFAULT_PORT = 9600;
    public static final String DEFAULT_DATA_CENTER = "DefaultDataCenter";
    public static final String DEFAULT_ZONE = "DEFAULT_ZONE";

    public SessionOptions {
        Objects.requireNonNull(host, "host");
        requireText(dataCenter, "dataCenter");
        requireText(zone, "zone");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        Objects.requireNonNull(limits, "limits");
        requirePositive(pushTimeoutMillis, "pushTimeoutMillis");
        requirePositive(syncConfigRetryMillis, "syncConfigRetryMillis");
        if (pushCoalesceMillis < 0 || pushRetryMillis < 0) {
            throw new IllegalArgumentException("push delays must not be negative");
        }
    }

    /** The defaults on {@code host}: port 9600, DefaultDataCenter, DEFAULT_ZONE, no signatures, default limits. */
    public static SessionOptions defaults(String host) {
        return new SessionOptions(host, DEFAULT_PORT, DEFAULT_DATA_CENTER, DEFAULT_ZONE, false, ClientLimits.defaults(),
                3000, 5, 1000, 30_000);
    }

    public SessionOptions withPort(int newPort) {
        return new SessionOptions(host, newPort, dataCenter, zone, signatureRequired, limits,
                pushTimeoutMillis, pushCoalesceMillis, pushRetryMillis, syncConfigRetryMillis);
    }

    public SessionOptions withSignatureRequired(boolean required) {
        return new SessionOptions(host, port, dataCenter, zone, required, limits, pushTimeoutMillis,
                pushCoalesceMillis, pushRetryMillis, syncConfigRetryMillis);
    }

    public SessionOptions withLimits(ClientLimits newLimits) {
        return new SessionOptions(host, port, dataCenter, zone, signatureRequired, newLimits, pushTimeoutMillis,
                pushCoalesceMillis, pushRetryMillis, syncConfigRetryMillis);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is blank");
        }
    }

    private static void requirePositive(long value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
