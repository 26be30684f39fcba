package io.weft.drm.server.core;

import java.time.Instant;
import java.util.Set;

import io.weft.api.osp.AccessKey;
import io.weft.api.osp.RequestSigning;
import io.weft.api.osp.SignatureVerifier;
import io.weft.api.osp.SignedRequest;
import io.weft.api.osp.Verification;
import io.weft.drm.protocol.SignatureAttributes;

/** Accepts signatures by one AccessKey of one instance, made with {@link #sign}. For tests only. */
public final class TestVerifier implements SignatureVerifier {

    public static final String ACCESS_KEY = "AK-test";
    public static final String SECRET = "secret-of-test";

    @Override
    public Verification verify(SignedRequest r) {
        if (!ACCESS_KEY.equals(r.accessKeyId())) {
            return Verification.refused(Verification.Reason.UNKNOWN_ACCESS_KEY, "no AccessKey " + r.accessKeyId());
        }
        String expected = RequestSigning.sign(SECRET, RequestSigning.stringToSign(r.instanceId(), r.timestamp(),
                r.content()));
        if (!expected.equals(r.signature())) {
            return Verification.refused(Verification.Reason.BAD_SIGNATURE, "signature does not match for "
                    + r.accessKeyId());
        }
        return Verification.accepted(new AccessKey(ACCESS_KEY, r.instanceId(), Set.of("*"), Instant.EPOCH, null));
    }

    public static SignatureAttributes sign(String instanceId, String secret) {
        long ts = System.currentTimeMillis();
        return new SignatureAttributes(ACCESS_KEY, RequestSigning.HMAC_SHA256, ts,
                RequestSigning.sign(secret, RequestSigning.stringToSign(instanceId, ts, "")));
    }
}
