package io.weft.registry.meta.http;

import java.io.IOException;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.weft.api.auth.AccessGuard;
import io.weft.api.auth.Decision;
import io.weft.api.auth.Origins;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Who may call the endpoints that change the group ({@code /stopPushDataSwitch/*}, {@code /manage/changePeer},
 * {@code /persistentData/*}, OPS-4):
 * <ol>
 *   <li>never a browser on another site: a request whose {@code Origin} or {@code Referer} names another site
 *       is refused (403). The seed's push switch is a GET, so a page could otherwise flip it through the
 *       operator's browser;</li>
 *   <li>with an {@link AccessGuard} on the node (the console role's intelliproxy), whoever it allows: plain
 *       {@code curl} from the node's own host by default, otherwise a user holding the permission;</li>
 *   <li>without one, callers on the node's own host only, as the ops guide's runbooks call these endpoints
 *       ({@code curl localhost:9615/...}); others get 403 saying what is missing.</li>
 * </ol>
 * Refusals are logged at WARN, and allowed requests at INFO with the caller, in {@code registry-meta.log}.
 * Thread-safe.
 */
final class OpsGuard {

    private static final Logger LOG = LoggerFactory.getLogger("registry.meta");
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.[0-9]{1,3}){3}");

    private final Supplier<AccessGuard> guard;
    private final OpsResponses responses;

    /** @param guard the node's current access guard, null while there is none */
    OpsGuard(Supplier<AccessGuard> guard, OpsResponses responses) {
        this.guard = Objects.requireNonNull(guard, "guard");
        this.responses = responses;
    }

    /**
     * @return true when the request may go on; otherwise the refusal has been answered
     */
    boolean permits(HttpServletRequest req, HttpServletResponse resp, String permission) throws IOException {
        String what = req.getMethod() + " " + req.getRequestURI();
        Verdict verdict = decide(req.getRemoteAddr(), req.getHeader("Host"), req.getHeader("Origin"),
                req.getHeader("Referer"), req.getHeader("Authorization"), permission);
        if (verdict.allowed()) {
            LOG.info("[ops] {} requested by {} from {}", what, verdict.caller(), req.getRemoteAddr());
            return true;
        }
        LOG.warn("[ops] {} from {} refused ({}): {}", what, req.getRemoteAddr(), verdict.status(), verdict.reason());
        if (verdict.challenge() != null) {
            resp.setHeader("WWW-Authenticate", verdict.challenge());
        }
        responses.result(resp, verdict.status(), false, verdict.reason());
        return false;
    }

    /** The decision alone, from the request's parts. */
    Verdict decide(String remoteAddress, String host, String origin, String referer, String authorization,
            String permission) {
        if (!Origins.sameOrigin(host, origin, referer)) {
            return Verdict.refused(403, "cross-site request refused: it comes from a page of another site", null);
        }
        AccessGuard current = guard.get();
        if (current != null) {
            Decision decision = current.checkOps(remoteAddress, authorization, permission);
            if (decision.allowed()) {
                return Verdict.allowed(decision.principal() == null ? "(local caller)" : decision.principal());
            }
            return Verdict.refused(decision.httpStatus(), decision.reason(),
                    decision.httpStatus() == 401 ? decision.challenge() : null);
        }
        if (isLoopback(remoteAddress)) {
            return Verdict.allowed("(local caller)");
        }
        return Verdict.refused(403, "only callers on this node's own host may change the meta servers here: no access"
                + " guard (the console role's user check) runs on this node to authenticate " + permission, null);
    }

    /** Without a lookup: the caller's address is always a literal here. */
    static boolean isLoopback(String address) {
        if (address == null) {
            return false;
        }
        String a = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        return IPV4_LOOPBACK.matcher(a).matches() || "::1".equals(a) || "0:0:0:0:0:0:0:1".equals(a);
    }

    /**
     * @param caller    who was allowed, for the log
     * @param challenge the {@code WWW-Authenticate} value of a 401, else null
     */
    record Verdict(boolean allowed, int status, String reason, String challenge, String caller) {

        static Verdict allowed(String caller) {
            return new Verdict(true, 200, "allowed", null, caller);
        }

        static Verdict refused(int status, String reason, String challenge) {
            return new Verdict(false, status, reason, challenge, null);
        }
    }
}
