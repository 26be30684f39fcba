package io.weft.registry.session.register;

import com.alipay.sofa.registry.core.model.BaseRegister;
import io.weft.api.osp.RequestSigning;
import io.weft.api.osp.SignatureVerifier;
import io.weft.api.osp.SignedRequest;
import io.weft.api.osp.Verification;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Checks the signature attributes of a registration (REG-26, REG-90) when the session requires them. The
 * registry client signs {@code instanceId + !Timestamp} with its SecretKey. Thread-safe.
 */
public final class SignatureCheck {

    private static final SignatureCheck OFF = new SignatureCheck(false, () -> null);

    private final boolean required;
    private final Supplier<SignatureVerifier> verifier;

    /**
     * @param required whether registrations must be signed
     * @param verifier the verifier in use, or null while there is none (then signed registrations are
     *                 refused when signatures are required)
     */
    public SignatureCheck(boolean required, Supplier<SignatureVerifier> verifier) {
        this.required = required;
        this.verifier = verifier;
    }

    /** Signatures not required: every registration passes. */
    public static SignatureCheck off() {
        return OFF;
    }

    public boolean required() {
        return required;
    }

    /** @return why the registration is refused, or null when it passes */
    public String refusal(BaseRegister register) {
        if (!required) {
            return null;
        }
        SignatureVerifier current = verifier.get();
        if (current == null) {
            return "signature required but no signature verifier is available on this session server";
        }
        Map<String, String> attributes = register.getAttributes() == null ? Map.of() : register.getAttributes();
        String accessKey = attributes.get(RequestSigning.ACCESS_KEY_ATTRIBUTE);
        String timestampText = attributes.get(RequestSigning.TIMESTAMP_ATTRIBUTE);
        if (accessKey == null || attributes.get(RequestSigning.SIGNATURE_ATTRIBUTE) == null || timestampText == null) {
            return "signature required: the registration carries no " + RequestSigning.ACCESS_KEY_ATTRIBUTE + ", "
                    + RequestSigning.SIGNATURE_ATTRIBUTE + " and " + RequestSigning.TIMESTAMP_ATTRIBUTE;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampText.trim());
        } catch (NumberFormatException e) {
            return "signature refused: " + RequestSigning.TIMESTAMP_ATTRIBUTE + " is not a number: " + timestampText;
        }
        Verification verification = current.verify(SignedRequest.registryRegistration(accessKey,
                attributes.get(RequestSigning.ALGORITHM_ATTRIBUTE), timestamp,
                attributes.get(RequestSigning.SIGNATURE_ATTRIBUTE), register.getInstanceId(), null));
        return verification.isAccepted() ? null
                : "signature refused (" + verification.reason() + "): " + verification.message();
    }
}
