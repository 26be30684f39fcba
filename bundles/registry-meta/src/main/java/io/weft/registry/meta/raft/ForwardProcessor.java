package io.weft.registry.meta.raft;

import java.io.IOException;
import java.util.concurrent.CompletionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.alipay.remoting.AsyncContext;
import com.alipay.remoting.BizContext;
import com.alipay.remoting.rpc.protocol.AsyncUserProcessor;

import io.weft.registry.meta.command.MetaCommand;

/**
 * On the raft port: proposes an operator's command a follower forwarded ({@link ForwardedCommands}), on this
 * member only. A member that is not the leader answers {@code notLeader} and never forwards again, so a command
 * travels at most once. The answer is sent when the group committed the command (or failed to); Bolt's threads
 * never wait for the group.
 *
 * <p>The raft port trusts its callers as JRaft's own requests there do (votes, log entries, and JRaft's CLI
 * requests that change the members): it must be reachable by the meta servers only (ops.md).
 */
final class ForwardProcessor extends AsyncUserProcessor<String> {

    private static final Logger LOG = LoggerFactory.getLogger("registry.meta");

    private final MetaRaftNode raft;
    private final ForwardedCommands messages;

    ForwardProcessor(MetaRaftNode raft, ForwardedCommands messages) {
        this.raft = raft;
        this.messages = messages;
    }

    @Override
    public void handleRequest(BizContext context, AsyncContext answer, String body) {
        ForwardedCommands.Request request;
        try {
            request = messages.readRequest(body);
        } catch (IOException | RuntimeException e) {
            LOG.warn("[ops] refused an unreadable forwarded command from {}: {}", context.getRemoteAddress(),
                    e.getMessage());
            answer.sendResponse(messages.failed("unreadable forwarded command: " + e.getMessage()));
            return;
        }
        MetaCommand command = request.command();
        if (!ForwardedCommands.forwardable(command)) {
            LOG.warn("[ops] refused a forwarded {} from {}: only ops commands are forwarded",
                    command.getClass().getSimpleName(), context.getRemoteAddress());
            answer.sendResponse(messages.failed(command.getClass().getSimpleName() + " is not forwarded"));
            return;
        }
        LOG.info("[ops] {} forwarded by {} ({})", ForwardedCommands.describe(command), request.from(),
                context.getRemoteAddress());
        // apply() refuses on a follower: a forwarded command is never forwarded again.
        raft.apply(command).whenComplete((result, failure) -> {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause == null) {
                answer.sendResponse(messages.applied(result, raft.self()));
            } else if (cause instanceof NotLeaderException notLeader) {
                answer.sendResponse(messages.notLeader(notLeader.leader().orElse(null)));
            } else {
                answer.sendResponse(messages.failed(String.valueOf(cause.getMessage())));
            }
        });
    }

    @Override
    public String interest() {
        return String.class.getName();
    }
}
