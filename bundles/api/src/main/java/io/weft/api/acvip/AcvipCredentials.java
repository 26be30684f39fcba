package io.weft.api.acvip;

import io.weft.api.osp.RequestSigning;

/**
 * An OSP AccessKey/SecretKey pair with which {@link AcvipClient} signs registrations (see "Signing
 * register and unregister" in {@link AcvipProtocol}). {@link #toString()} never shows the SecretKey.
 *
 * @param instanceId  the instance the key is bound to; it must have the product of the addresses
 *                    registered with it enabled in OSP
 * @param accessKeyId the AccessKey (public half)
 * @param secretKey   the SecretKey
 */
public record AcvipCredentials(String instanceId, String accessKeyId, String secretKey) {

    public AcvipCredentials {
        AcvipServices.checkInstanceId(instanceId);
        if (accessKeyId == null || accessKeyId.isBlank()) {
            throw new IllegalArgumentException("accessKeyId must not be empty");
        }
        if (secretKey == null || secretKey.isEmpty()) {
            throw new IllegalArgumentException("secretKey must not be empty");
        }
        accessKeyId = accessKeyId.strip();
    }

    /** The signature headers' value for {@code body} at {@code timestamp}: Base64 of the HMAC. */
    String sign(long timestamp, String body) {
        return RequestSigning.sign(secretKey, RequestSigning.stringToSign(instanceId, timestamp, body));
    }

    @Override
    public String toString() {
        return "AcvipCredentials[instanceId=" + instanceId + ", accessKeyId=" + accessKeyId + ", secretKey=***]";
    }

}
