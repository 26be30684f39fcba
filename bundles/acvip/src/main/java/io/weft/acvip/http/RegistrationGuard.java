package io.weft.acvip.http;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

import io.weft.api.acvip.AcvipProtocol;
import io.weft.api.osp.Instance;
import io.weft.api.osp.InstanceDirectory;
import io.weft.api.osp.SignatureVerifier;
import io.weft.api.osp.SignedRequest;
import io.weft.api.osp.Verification;

/**
 * Who may register and unregister addresses: callers whose request carries a valid OSP one-shot
 * signature over the raw body with permission {@link AcvipProtocol#REGISTER_PERMISSION}, and unsigned
 * callers on loopback while {@code registrationRequiresSignatureFromLoopback} is off. The rules are
 * documented in {@link AcvipProtocol} ("Signing register and unregister"). Thread-safe.
 *
 * <p>Two steps: {@link #check} before the body is parsed (the signature), {@link #checkProduct} after
 * (the key's instance must have the address's product).
 */
public final class RegistrationGuard {

    private final Supplier<SignatureVerifier> verifier;
    private final Supplier<InstanceDirectory> directory;
    private final BooleanSupplier requireSignatureFromLoopback;

    /**
     * @param requireSignatureFromLoopback read on every call, so a configuration change applies at once
     */
    public RegistrationGuard(Supplier<SignatureVerifier> verifier, Supplier<InstanceDirectory> directory,
            BooleanSupplier requireSignatureFromLoopback) {
        this.verifier = Objects.requireNonNull(verifier);
        this.directory = Objects.requireNonNull(directory);
        this.requireSignatureFromLoopback = Objects.requireNonNull(requireSignatureFromLoopback);
    }

    /**
     * The outcome of a check: allowed ({@link #status} 0), or refused with an HTTP status, a reason (a
     * {@link Verification.Reason} name or {@link AcvipProtocol#PRODUCT_NOT_ENABLED}) and a message that
     * names the AccessKey, never the signature or secret.
     *
     * @param accessKeyId the key that signed or tried to; {@code null} for an unsigned call
     * @param instanceId  the instance the signature named; {@code null} for an unsigned call
     */
    public record Outcome(int status, String reason, String message, String accessKeyId, String instanceId) {

        static Outcome unsignedFromLoopback() {
            return new Outcome(0, null, "unsigned, from loopback", null, null);
        }

        static Outcome signedBy(String accessKeyId, String instanceId) {
            return new Outcome(0, null, "signed", accessKeyId, instanceId);
        }

        static Outcome refused(int status, String reason, String message, String accessKeyId, String instanceId) {
            return new Outcome(status, reason, message, accessKeyId, instanceId);
        }

        public boolean allowed() {
            return status == 0;
        }

        public boolean signed() {
            return allowed() && accessKeyId != null;
        }

        /** How the log names the caller's key. */
        public String who() {
            return accessKeyId == null ? "no AccessKey" : "AccessKey " + accessKeyId;
        }
    }

    /**
     * The signature of one request, checked before its body is parsed.
     *
     * @param remoteAddress the TCP peer's address, as the container gives it
     * @param headers       the request's headers by name ({@code null} when absent)
     * @param body          the raw body, which the signature covers
     */
    public Outcome check(String remoteAddress, Function<String, String> headers, byte[] body) {
        String accessKey = trimmed(headers.apply(AcvipProtocol.ACCESS_KEY_HEADER));
        String signature = trimmed(headers.apply(AcvipProtocol.SIGNATURE_HEADER));
        String instance = trimmed(headers.apply(AcvipProtocol.INSTANCE_HEADER));
        String timestamp = trimmed(headers.apply(AcvipProtocol.TIMESTAMP_HEADER));
        String algorithm = trimmed(headers.apply(AcvipProtocol.ALGORITHM_HEADER));

        if (accessKey == null && signature == null) {
            if (Loopback.is(remoteAddress) && !requireSignatureFromLoopback.getAsBoolean()) {
                return Outcome.unsignedFromLoopback();
            }
            return Outcome.refused(401, Verification.Reason.MALFORMED.name(),
                    "registration requires an OSP AccessKey signature with permission "
                            + AcvipProtocol.REGISTER_PERMISSION + " (headers " + AcvipProtocol.ACCESS_KEY_HEADER + ", "
                            + AcvipProtocol.INSTANCE_HEADER + ", " + AcvipProtocol.TIMESTAMP_HEADER + ", "
                            + AcvipProtocol.SIGNATURE_HEADER + ")", null, null);
        }
        String missing = accessKey == null ? AcvipProtocol.ACCESS_KEY_HEADER
                : signature == null ? AcvipProtocol.SIGNATURE_HEADER
                : instance == null ? AcvipProtocol.INSTANCE_HEADER
                : timestamp == null ? AcvipProtocol.TIMESTAMP_HEADER : null;
        if (missing != null) {
            return Outcome.refused(403, Verification.Reason.MALFORMED.name(), "incomplete signature: no " + missing
                    + (accessKey == null ? "" : " for AccessKey " + accessKey), accessKey, instance);
        }
        long millis;
        try {
            millis = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return Outcome.refused(403, Verification.Reason.MALFORMED.name(), AcvipProtocol.TIMESTAMP_HEADER
                    + " of AccessKey " + accessKey + " must be epoch milliseconds", accessKey, instance);
        }
        SignatureVerifier v = verifier.get();
        if (v == null) {
            // Cannot happen while the node's reference is mandatory; refuse rather than let it through.
            return Outcome.refused(403, Verification.Reason.UNKNOWN_ACCESS_KEY.name(),
                    "no OSP signature verifier available", accessKey, instance);
        }
        Verification verification = v.verify(SignedRequest.oneShot(accessKey, algorithm, millis, signature,
                instance, new String(body, StandardCharsets.UTF_8), AcvipProtocol.REGISTER_PERMISSION));
        if (!verification.isAccepted()) {
            return Outcome.refused(403, verification.reason().name(), verification.message(), accessKey, instance);
        }
        return Outcome.signedBy(accessKey, instance);
    }

    /**
     * For a signed call: the key's instance must exist and have {@code service} enabled in OSP. An
     * unsigned (loopback) call passes as it is.
     */
    public Outcome checkProduct(Outcome signature, String service) {
        if (!signature.signed()) {
            return signature;
        }
        Optional<Instance> instance = directory.get().instance(signature.instanceId());
        if (instance.isEmpty() || !instance.get().isEnabled(service)) {
            return Outcome.refused(403, AcvipProtocol.PRODUCT_NOT_ENABLED, "AccessKey " + signature.accessKeyId()
                    + " belongs to instance " + signature.instanceId() + ", which "
                    + (instance.isEmpty() ? "OSP does not know" : "does not have " + service + " enabled")
                    + ": it may not register " + service + " addresses", signature.accessKeyId(),
                    signature.instanceId());
        }
        return signature;
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
