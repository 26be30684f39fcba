package io.weft.registry.meta.raft;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.alipay.sofa.jraft.entity.PeerId;
import com.alipay.sofa.jraft.error.InvokeTimeoutException;
import com.alipay.sofa.jraft.error.RemotingException;
import com.alipay.sofa.jraft.rpc.RpcClient;
import com.alipay.sofa.jraft.util.Endpoint;

import io.weft.registry.meta.command.MetaCommand;
import io.weft.registry.meta.state.CommandResult;

/**
 * Sends an operator's command from this follower to the leader's raft port, once, and completes with the
 * leader's result ({@link ForwardProcessor} there). Uses the raft member's own client, which already talks to
 * the leader. Every failure completes as {@link MetaRaftException} saying what happened (so the ops endpoints
 * answer 503), and the answer is awaited {@link #TIMEOUT_MILLIS} at most. Thread-safe.
 */
final class LeaderForwarder {

    /**
     * The leader commits in milliseconds while it has a majority, and steps down within an election timeout when
     * it has not.
     */
    static final long TIMEOUT_MILLIS = 5_000;
    /** Bolt's own timeout completes first; this only bounds a callback that would never come. */
    private static final long GRACE_MILLIS = 2_000;

    private static final Logger LOG = LoggerFactory.getLogger("registry.meta");

    private final ForwardedCommands messages;
    private final String self;
    private final long timeoutMillis;

    LeaderForwarder(ForwardedCommands messages, String self, long timeoutMillis) {
        this.messages = messages;
        this.self = self;
        this.timeoutMillis = timeoutMillis;
    }

    /** @param leader the raft address {@code host:port} this member knows as leader */
    CompletableFuture<AppliedCommand> forward(RpcClient client, String leader, MetaCommand command) {
        CompletableFuture<AppliedCommand> done = new CompletableFuture<>();
        if (!ForwardedCommands.forwardable(command)) {
            done.completeExceptionally(new IllegalArgumentException(command.getClass().getSimpleName()
                    + " is proposed on the leader only"));
            return done;
        }
        PeerId target = new PeerId();
        if (!target.parse(leader)) {
            done.completeExceptionally(new MetaRaftException("the leader's address " + leader + " is unreadable"));
            return done;
        }
        Endpoint endpoint = target.getEndpoint();
        CompletableFuture.delayedExecutor(timeoutMillis + GRACE_MILLIS, TimeUnit.MILLISECONDS)
                .execute(() -> done.completeExceptionally(noAnswer(leader)));
        try {
            client.invokeAsync(endpoint, messages.request(self, command),
                    (reply, error) -> complete(done, leader, reply, error), timeoutMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done.completeExceptionally(new MetaRaftException("interrupted while forwarding to the leader " + leader));
        } catch (RemotingException | RuntimeException e) {
            done.completeExceptionally(unreachable(leader, e));
        }
        done.whenComplete((applied, failure) -> {
            if (failure == null) {
                LOG.info("[ops] {} forwarded to the leader {}, which applied it: {}",
                        ForwardedCommands.describe(command), leader, applied.result().message());
            } else {
                LOG.warn("[ops] {} forwarded to the leader {}: {}", ForwardedCommands.describe(command), leader,
                        failure.getMessage());
            }
        });
        return done;
    }

    private void complete(CompletableFuture<AppliedCommand> done, String leader, Object reply, Throwable error) {
        if (error != null) {
            // Bolt's callback gets Bolt's exceptions, not JRaft's.
            done.completeExceptionally(error instanceof com.alipay.remoting.rpc.exception.InvokeTimeoutException
                    || error instanceof InvokeTimeoutException ? noAnswer(leader) : unreachable(leader, error));
            return;
        }
        ForwardedCommands.Reply answer;
        try {
            answer = messages.readReply(String.valueOf(reply));
        } catch (IOException e) {
            done.completeExceptionally(new MetaRaftException("the leader " + leader + " answered something unreadable: "
                    + e.getMessage()));
            return;
        }
        switch (answer.outcome()) {
            case ForwardedCommands.APPLIED -> done.complete(new AppliedCommand(
                    new CommandResult(Boolean.TRUE.equals(answer.success()), answer.message()),
                    answer.appliedBy() == null ? leader : answer.appliedBy()));
            case ForwardedCommands.NOT_LEADER -> done.completeExceptionally(new MetaRaftException(leader
                    + " is no longer the leader (now " + (answer.leader() == null ? "unknown" : answer.leader())
                    + "): nothing was changed, retry"));
            default -> done.completeExceptionally(new MetaRaftException("the leader " + leader
                    + " did not apply it: " + answer.message()));
        }
    }

    private MetaRaftException noAnswer(String leader) {
        return new MetaRaftException("no answer from the leader " + leader + " within " + timeoutMillis
                + " ms (is a majority of the meta servers up?): the change may still be applied, check and retry");
    }

    private static MetaRaftException unreachable(String leader, Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new MetaRaftException("cannot reach the leader " + leader + " on its raft port ("
                + (root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage())
                + "): nothing was changed, retry");
    }
}
