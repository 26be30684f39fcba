package io.weft.registry.meta.raft;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import com.alipay.sofa.jraft.Closure;
import com.alipay.sofa.jraft.Status;
import com.alipay.sofa.jraft.error.RaftError;

import io.weft.registry.meta.command.MetaCommand;
import io.weft.registry.meta.state.CommandResult;

/**
 * Carries one proposed command to the state machine on the leader that proposed it, and completes the
 * caller's future when the entry is applied (or fails to be).
 */
final class CommandClosure implements Closure {

    private final MetaCommand command;
    private final CompletableFuture<CommandResult> future = new CompletableFuture<>();
    private final Supplier<String> currentLeader;
    // Written by the state machine thread before run(): run() happens-after through JRaft's queues.
    private volatile CommandResult result;

    CommandClosure(MetaCommand command, Supplier<String> currentLeader) {
        this.command = command;
        this.currentLeader = currentLeader;
    }

    MetaCommand command() {
        return command;
    }

    CompletableFuture<CommandResult> future() {
        return future;
    }

    void result(CommandResult value) {
        result = value;
    }

    @Override
    public void run(Status status) {
        if (status.isOk()) {
            future.complete(result);
        } else if (status.getRaftError() == RaftError.EPERM) {
            // Leadership was lost between the check and the commit.
            future.completeExceptionally(new NotLeaderException(currentLeader.get()));
        } else {
            future.completeExceptionally(new MetaRaftException("command not committed: " + status));
        }
    }
}
