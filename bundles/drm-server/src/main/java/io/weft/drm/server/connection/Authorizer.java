package io.weft.drm.server.connection;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.weft.api.osp.SignatureVerifier;
import io.weft.api.osp.SignedRequest;
import io.weft.api.osp.Verification;
import io.weft.drm.protocol.Register;
import io.weft.drm.protocol.SignatureAttributes;
import io.weft.drm.server.core.Settings;

/**
 * Whether a client may register (DRM-12): authorised per instanceId by the OSP signature over
 * {@code instanceId + timestamp}. An unsigned client is accepted only when signatures are not required,
 * or when it connects from this host's loopback and {@code unsignedFromLoopback} allows it. Every
 * decision is one line of {@code app-auth.log}:
 * {@code Y|N;instanceId;clientIp;accessKey|-;signed|unsigned;reason|ok}. Thread-safe.
 */
public final class Authorizer {

    private static final Logger AUTH_LOG = LoggerFactory.getLogger("drmdata.auth");

    private final Supplier<SignatureVerifier> verifier;
    private final Supplier<Settings> settings;

    public Authorizer(Supplier<SignatureVerifier> verifier, Supplier<Settings> settings) {
        this.verifier = verifier;
        this.settings = settings;
    }

    /** The refusal reason, or {@code null} when the client may register. */
    public String refusal(Register r, String clientIp) {
        SignatureAttributes sig = r.signature();
        String reason;
        if (sig == null) {
            Settings s = settings.get();
            boolean allowed = !s.signatureRequired() || (s.unsignedFromLoopback() && isLoopback(clientIp));
            reason = allowed ? null : "unsigned: a signature is required"
                    + (s.unsignedFromLoopback() ? " from other hosts than this one" : "");
        } else {
            reason = verify(r, sig);
        }
        AUTH_LOG.info("{};{};{};{};{};{}", reason == null ? "Y" : "N", r.instanceId(), clientIp,
                sig == null || sig.accessKey() == null || sig.accessKey().isBlank() ? "-" : oneLine(sig.accessKey()),
                sig == null ? "unsigned" : "signed", reason == null ? "ok" : oneLine(reason));
        return reason;
    }

    private String verify(Register r, SignatureAttributes sig) {
        SignatureVerifier v = verifier.get();
        if (v == null) {
            return "UNAVAILABLE: no signature verifier (OSP) in this node";
        }
        Verification result = v.verify(new SignedRequest(sig.accessKey(), sig.algorithm(), sig.timestamp(),
                sig.signature(), r.instanceId(), "", null, Duration.ZERO, false));
        if (result.isAccepted()) {
            return null;
        }
        return result.reason() + ": " + result.message();
    }

    static boolean isLoopback(String ip) {
        if (ip == null || ip.isEmpty()) {
            return false;
        }
        // Only literal addresses reach here (the channel's remote address): no name lookup happens.
        if (!(Character.isDigit(ip.charAt(0)) || ip.indexOf(':') >= 0)) {
            return false;
        }
        try {
            return InetAddress.getByName(ip).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Log fields are client text: keep them on one line and free of the separator's neighbours. */
    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ').replace(';', ',');
    }
}
