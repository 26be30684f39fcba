package io.weft.drm.protocol;

/**
 * The OSP signature a client sends with {@link Register}: HMAC-SHA256 with its SecretKey over
 * {@code io.weft.api.osp.RequestSigning.stringToSign(instanceId, timestamp, "")}, as the SOFA clients
 * sign their {@code !AccessKey}/{@code !Signature}/{@code !Algorithm}/{@code !Timestamp} attributes.
 *
 * @param accessKey the AccessKey id
 * @param algorithm {@code HmacSHA256}, the only one accepted
 * @param timestamp epoch milliseconds, exact
 * @param signature Base64 of the HMAC
 */
public record SignatureAttributes(String accessKey, String algorithm, long timestamp, String signature) {
}
