package io.weft.registry.session.ops;

import io.weft.api.auth.AccessGuard;
import io.weft.api.auth.Decision;
import io.weft.api.auth.Permissions;
import io.weft.registry.session.push.PushSwitch;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The push switch as this session sees it (REG-61, REG-62).
 * <ul>
 *   <li>{@code GET /digest/pushSwitch}: {@code {"pushSwitch":"open","stopPush":false}} ({@code "closed"} and
 *       {@code true} while closed);</li>
 *   <li>{@code POST /digest/pushSwitch?open=false} closes it, {@code ?open=true} opens it, answering
 *       {@code {"success":true,"message":...,"pushSwitch":...}}. The caller needs
 *       {@link Permissions#REGISTRY_PUSH_SWITCH_WRITE} as the {@link AccessGuard} decides (plain {@code curl}
 *       from the node's own host is allowed by default); without a guard the write is refused (503).</li>
 * </ul>
 * The write is for a standalone node, which has no meta server. In a cluster the meta servers own the switch
 * ({@code :9615/stopPushDataSwitch/open|close}, REG-62) and the session follows them, so a local write lasts
 * only until the next state the meta servers send; operators close push there, in every data center at once.
 */
public final class PushSwitchServlet extends HttpServlet {

    public static final String PATH = "/digest/pushSwitch";

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger("registry.session");

    private final transient PushSwitch pushSwitch;
    private final transient Supplier<AccessGuard> guard;
    private final transient OpsJson out;

    /** @param guard the current access guard, null while there is none */
    public PushSwitchServlet(PushSwitch pushSwitch, Supplier<AccessGuard> guard, OpsJson out) {
        this.pushSwitch = pushSwitch;
        this.guard = guard;
        this.out = out;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (QueryParameters.refused(req, resp, out)) {
            return;
        }
        out.json(resp, 200, state(new LinkedHashMap<>()));
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String problem = QueryParameters.problem(req);
        String open = req.getParameter("open");
        if (problem == null && !"true".equals(open) && !"false".equals(open)) {
            problem = "parameter 'open' must be true or false";
        }
        if (problem != null) {
            out.failure(resp, 400, problem);
            return;
        }
        AccessGuard current = guard.get();
        if (current == null) {
            out.failure(resp, 503, "no access guard is running: the push switch cannot be changed");
            return;
        }
        Decision decision = current.checkOps(req.getRemoteAddr(), req.getHeader("Authorization"),
                Permissions.REGISTRY_PUSH_SWITCH_WRITE);
        if (!decision.allowed()) {
            LOG.warn("[pushSwitch] auth failed: set open={} from {}: {}", open, req.getRemoteAddr(),
                    decision.reason());
            if (decision.httpStatus() == 401) {
                resp.setHeader("WWW-Authenticate", decision.challenge());
            }
            out.failure(resp, decision.httpStatus(), decision.reason());
            return;
        }
        boolean opening = Boolean.parseBoolean(open);
        LOG.info("[pushSwitch] local write open={} by {} from {}", opening,
                decision.principal() == null ? "(loopback)" : decision.principal(), req.getRemoteAddr());
        if (opening) {
            pushSwitch.open();
        } else {
            pushSwitch.close();
        }
        Map<String, Object> body = OpsJson.result(true, opening ? "push opened" : "push closed");
        out.json(resp, 200, state(body));
    }

    private Map<String, Object> state(Map<String, Object> body) {
        boolean isOpen = pushSwitch.isOpen();
        body.put("pushSwitch", isOpen ? "open" : "closed");
        body.put("stopPush", !isOpen);
        return body;
    }
}
