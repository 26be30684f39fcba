package io.weft.api.osp;

import java.time.Duration;
import java.util.Objects;

/**
 * What a server received from a client that signs its requests, as handed to a {@link SignatureVerifier}.
 *
 * <p>The signed string is {@link RequestSigning#stringToSign(String, long, String)} of
 * {@code instanceId}, {@code timestamp} and {@code content}: for a SOFARegistry registration, whose
 * client signs only instanceId and timestamp, {@code content} is empty.
 *
 * @param accessKeyId the {@code !AccessKey} attribute (or header)
 * @param algorithm   the {@code !Algorithm} attribute; {@code null} or blank means {@code HmacSHA256}, the
 *                    only algorithm accepted
 * @param timestamp   the {@code !Timestamp} attribute, epoch milliseconds as the client sent it
 * @param signature   the {@code !Signature} attribute: Base64 of the HMAC
 * @param instanceId  the instance the request is for (the registration's {@code instanceId})
 * @param content     request-specific text covered by the signature; empty when the client signs none
 * @param permission  the API permission the request needs, or {@code null} when any valid key may call
 * @param granularity how far clients round their timestamp down: the SOFARegistry client signs the start
 *                    of the current five-minute slot ({@link RequestSigning#REGISTRY_TIMESTAMP_GRANULARITY}),
 *                    so its timestamps are older by up to that much; {@link Duration#ZERO} for exact ones
 * @param singleUse   whether a second request with the same signature is refused as a replay. The
 *                    SOFARegistry client reuses one signature for every registration of a five-minute
 *                    slot, so registrations pass {@code false}; one-shot calls (HTTP APIs) pass {@code true}
 */
public record SignedRequest(String accessKeyId, String algorithm, long timestamp, String signature,
        String instanceId, String content, String permission, Duration granularity, boolean singleUse) {

    public SignedRequest {
        content = content == null ? "" : content;
        Objects.requireNonNull(granularity, "granularity");
        if (granularity.isNegative()) {
            throw new IllegalArgumentException("granularity must not be negative: " + granularity);
        }
    }

    /**
     * A SOFARegistry registration ({@code PublisherRegister}, {@code SubscriberRegister}, ...): the client
     * signs {@code instanceId + timestamp} and reuses the signature within its five-minute slot.
     */
    public static SignedRequest registryRegistration(String accessKeyId, String algorithm, long timestamp,
            String signature, String instanceId, String permission) {
        return new SignedRequest(accessKeyId, algorithm, timestamp, signature, instanceId, "", permission,
                RequestSigning.REGISTRY_TIMESTAMP_GRANULARITY, false);
    }

    /** A one-shot call (an HTTP API request): exact timestamp, replays refused. */
    public static SignedRequest oneShot(String accessKeyId, String algorithm, long timestamp, String signature,
            String instanceId, String content, String permission) {
        return new SignedRequest(accessKeyId, algorithm, timestamp, signature, instanceId, content, permission,
                Duration.ZERO, true);
    }
}
