package io.weft.auth.osp.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.weft.api.osp.AccessKey;
import io.weft.api.osp.RequestSigning;
import io.weft.api.osp.SignedRequest;
import io.weft.api.osp.Verification;
import io.weft.api.osp.Verification.Reason;
import io.weft.auth.osp.secret.SecretCipher;
import io.weft.auth.osp.store.StoredKey;
import io.weft.auth.osp.testing.TestKeys;
import io.weft.testing.MutableClock;

class HmacSignatureVerifierTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:02:30Z");
    private static final String AK = "AKTEST000000000000001";
    private static final String SECRET = "ExampleSecretKey0123456789abcd";
    private static final Duration SKEW = Duration.ofMinutes(5);

    private final MutableClock clock = new MutableClock(NOW);
    private final SecretCipher cipher = TestKeys.cipher();
    private final Map<String, StoredKey> keys = new HashMap<>();
    private final HmacSignatureVerifier verifier = new HmacSignatureVerifier(
            id -> Optional.ofNullable(keys.get(id)), cipher, clock, SKEW, new ReplayCache(100));

    HmacSignatureVerifierTest() {
        add(AK, "inst-a", Set.of("antcloud.deps.cell.list", "antcloud.deps.singleworkspace.get"), null);
    }

    private void add(String id, String instance, Set<String> permissions, Instant revokedAt) {
        keys.put(id, new StoredKey(new AccessKey(id, instance, permissions, NOW.minusSeconds(3600), revokedAt),
                cipher.encrypt(id, SECRET)));
    }

    private static SignedRequest oneShot(String ak, long ts, String instance, String permission) {
        String sig = RequestSigning.sign(SECRET, RequestSigning.stringToSign(instance, ts, "GET /cells"));
        return SignedRequest.oneShot(ak, "HmacSHA256", ts, sig, instance, "GET /cells", permission);
    }

    private static SignedRequest registry(long ts, String instance) {
        String sig = RequestSigning.sign(SECRET, RequestSigning.stringToSign(instance, ts, ""));
        return SignedRequest.registryRegistration(AK, "HmacSHA256", ts, sig, instance, null);
    }

    @Test
    @DisplayName("CON-22: a request signed with the SecretKey of an AccessKey is accepted")
    void accepted() {
        Verification v = verifier.verify(oneShot(AK, NOW.toEpochMilli(), "inst-a", "antcloud.deps.cell.list"));
        assertTrue(v.isAccepted(), v.message());
        assertEquals("inst-a", v.key().instanceId());
    }

    @Test
    @DisplayName("REG-26/REG-90: a registry registration signed as the client does is accepted, again and again")
    void registryRegistration() {
        long ts = RequestSigning.registryTimestamp(NOW.toEpochMilli());
        assertTrue(verifier.verify(registry(ts, "inst-a")).isAccepted());
        // The client reuses the signature of its five-minute slot for every registration.
        assertTrue(verifier.verify(registry(ts, "inst-a")).isAccepted());
    }

    @Test
    @DisplayName("REG-26: a registry timestamp up to one slot plus the skew old is accepted, older is EXPIRED")
    void registryWindow() {
        long oldest = NOW.minus(SKEW).minus(RequestSigning.REGISTRY_TIMESTAMP_GRANULARITY).toEpochMilli();
        assertTrue(verifier.verify(registry(oldest, "inst-a")).isAccepted());
        assertEquals(Reason.EXPIRED, verifier.verify(registry(oldest - 1, "inst-a")).reason());
    }

    @Test
    @DisplayName("CON-22: a timestamp just inside the skew window on either side is accepted")
    void insideSkew() {
        assertTrue(verifier.verify(oneShot(AK, NOW.minus(SKEW).toEpochMilli(), "inst-a", null)).isAccepted());
        assertTrue(verifier.verify(oneShot(AK, NOW.plus(SKEW).toEpochMilli(), "inst-a", null)).isAccepted());
    }

    @Test
    @DisplayName("CON-22: a timestamp outside the skew window, past or future, is EXPIRED")
    void outsideSkew() {
        Verification past = verifier.verify(oneShot(AK, NOW.minus(SKEW).toEpochMilli() - 1, "inst-a", null));
        Verification future = verifier.verify(oneShot(AK, NOW.plus(SKEW).toEpochMilli() + 1, "inst-a", null));
        assertEquals(Reason.EXPIRED, past.reason());
        assertEquals(Reason.EXPIRED, future.reason());
        assertTrue(past.message().contains("outside the accepted window"), past.message());
    }

    @Test
    @DisplayName("CON-22: a one-shot request sent twice is REPLAYED the second time, until it expires")
    void replay() {
        SignedRequest r = oneShot(AK, NOW.toEpochMilli(), "inst-a", null);
        assertTrue(verifier.verify(r).isAccepted());
        Verification again = verifier.verify(r);
        assertEquals(Reason.REPLAYED, again.reason());
        clock.advance(SKEW.plusMillis(1));
        assertEquals(Reason.EXPIRED, verifier.verify(r).reason(), "after the window the timestamp refuses it");
    }

    @Test
    @DisplayName("CON-22: an unknown or revoked AccessKey is UNKNOWN_ACCESS_KEY")
    void unknownKey() {
        assertEquals(Reason.UNKNOWN_ACCESS_KEY,
                verifier.verify(oneShot("AKNOSUCHKEY", NOW.toEpochMilli(), "inst-a", null)).reason());
        add("AKREVOKED", "inst-a", Set.of("*"), NOW.minusSeconds(10));
        Verification revoked = verifier.verify(oneShot("AKREVOKED", NOW.toEpochMilli(), "inst-a", null));
        assertEquals(Reason.UNKNOWN_ACCESS_KEY, revoked.reason());
        assertTrue(revoked.message().contains("revoked"), revoked.message());
    }

    @Test
    @DisplayName("CON-10: a key without the permission a request needs is PERMISSION_DENIED")
    void permissionDenied() {
        Verification v = verifier.verify(oneShot(AK, NOW.toEpochMilli(), "inst-a",
                "antcloud.deps.singleworkspacegroup.get"));
        assertEquals(Reason.PERMISSION_DENIED, v.reason());
        assertTrue(v.message().contains("antcloud.deps.singleworkspacegroup.get"), v.message());
    }

    @Test
    @DisplayName("CON-10: a permission ending in * grants its prefix")
    void wildcard() {
        keys.clear();
        add(AK, "inst-a", Set.of("antcloud.deps.*"), null);
        assertTrue(verifier.verify(oneShot(AK, NOW.toEpochMilli(), "inst-a",
                "antcloud.deps.singleworkspacegroup.get")).isAccepted());
        assertEquals(Reason.PERMISSION_DENIED, verifier.verify(oneShot(AK, NOW.toEpochMilli() + 1, "inst-a",
                "antcloud.mq.topic.create")).reason());
    }

    @Test
    @DisplayName("DRM-12: a key of another instance is INSTANCE_MISMATCH")
    void instanceMismatch() {
        Verification v = verifier.verify(oneShot(AK, NOW.toEpochMilli(), "inst-b", null));
        assertEquals(Reason.INSTANCE_MISMATCH, v.reason());
    }

    @Test
    @DisplayName("CON-22: a wrong signature, another algorithm or unreadable input is refused with its reason")
    void badSignatures() {
        long ts = NOW.toEpochMilli();
        String wrong = RequestSigning.sign("another-secret", RequestSigning.stringToSign("inst-a", ts, ""));
        assertEquals(Reason.BAD_SIGNATURE,
                verifier.verify(SignedRequest.oneShot(AK, null, ts, wrong, "inst-a", "", null)).reason());
        String right = RequestSigning.sign(SECRET, RequestSigning.stringToSign("inst-a", ts, ""));
        assertEquals(Reason.BAD_SIGNATURE,
                verifier.verify(SignedRequest.oneShot(AK, "HmacSHA1", ts, right, "inst-a", "", null)).reason());
        assertEquals(Reason.BAD_SIGNATURE, verifier.verify(
                SignedRequest.oneShot(AK, null, ts, right, "inst-a", "tampered", null)).reason());
        assertEquals(Reason.MALFORMED,
                verifier.verify(SignedRequest.oneShot(AK, null, ts, "not base64!", "inst-a", "", null)).reason());
        assertEquals(Reason.MALFORMED,
                verifier.verify(SignedRequest.oneShot("", null, ts, right, "inst-a", "", null)).reason());
        assertEquals(Reason.MALFORMED,
                verifier.verify(SignedRequest.oneShot(AK, null, ts, null, "inst-a", "", null)).reason());
        // A missing algorithm means HmacSHA256: the same signature is accepted.
        assertTrue(verifier.verify(SignedRequest.oneShot(AK, null, ts, right, "inst-a", "", null)).isAccepted());
    }

    @Test
    @DisplayName("CON-22: a refused request is not remembered, so the genuine one still passes")
    void refusalsNotRecorded() {
        SignedRequest r = oneShot(AK, NOW.toEpochMilli(), "inst-a", "antcloud.mq.topic.create");
        assertEquals(Reason.PERMISSION_DENIED, verifier.verify(r).reason());
        assertEquals(Reason.PERMISSION_DENIED, verifier.verify(r).reason(), "not REPLAYED");
        assertFalse(verifier.verify(r).isAccepted());
    }

    @Test
    @DisplayName("CON-22: a stored secret that does not decrypt refuses the request, it does not throw")
    void unreadableSecret() {
        // Sealed under another node's master key, as after a lost master.key file.
        SecretCipher otherNode = new SecretCipher(TestKeys.masterKey(9), new java.security.SecureRandom());
        keys.put(AK, new StoredKey(keys.get(AK).key(), otherNode.encrypt(AK, SECRET)));
        Verification v = verifier.verify(oneShot(AK, NOW.toEpochMilli(), "inst-a", null));
        assertEquals(Reason.BAD_SIGNATURE, v.reason());
        assertTrue(v.message().contains("master key"), v.message());
    }
}
