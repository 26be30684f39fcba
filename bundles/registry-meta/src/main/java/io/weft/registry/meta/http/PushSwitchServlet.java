package io.weft.registry.meta.http;

import java.io.IOException;

import io.weft.api.auth.Permissions;
import io.weft.registry.meta.command.SetPushSwitch;
import io.weft.registry.meta.raft.AppliedCommand;
import io.weft.registry.meta.raft.MetaRaftNode;
import io.weft.registry.meta.state.PushSwitch;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /stopPushDataSwitch/open} closes push, {@code /stopPushDataSwitch/close} opens it (REG-62,
 * REG-80: the switch named is "stop push", so "open" stops). A GET that changes state, as in the seed: the
 * caller needs {@link Permissions#REGISTRY_PUSH_SWITCH_WRITE} ({@link OpsGuard}). Any member takes it, as the
 * seed says (REG-62: "call any one MetaServer"): the leader commits it, a follower forwards it to the leader and
 * answers what the leader did; {@code appliedBy} names the leader either way.
 */
public final class PushSwitchServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient MetaRaftNode raft;
    private final transient OpsGuard guard;
    private final transient OpsResponses responses;

    PushSwitchServlet(MetaRaftNode raft, OpsGuard guard, OpsResponses responses) {
        this.raft = raft;
        this.guard = guard;
        this.responses = responses;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        PushSwitch target;
        if ("/open".equals(req.getPathInfo())) {
            target = PushSwitch.CLOSED;
        } else if ("/close".equals(req.getPathInfo())) {
            target = PushSwitch.OPEN;
        } else {
            responses.notFound(req, resp);
            return;
        }
        if (!guard.permits(req, resp, Permissions.REGISTRY_PUSH_SWITCH_WRITE)) {
            return;
        }
        OpsResponses.Outcome<AppliedCommand> outcome = responses.await(raft.submit(new SetPushSwitch(target)));
        if (outcome.ok()) {
            responses.applied(resp, outcome.value());
        } else {
            responses.failure(resp, outcome.failure());
        }
    }
}
