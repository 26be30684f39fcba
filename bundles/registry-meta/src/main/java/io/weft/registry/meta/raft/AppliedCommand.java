package io.weft.registry.meta.raft;

import java.util.Objects;

import io.weft.registry.meta.state.CommandResult;

/**
 * A command the group committed, with its result and the member that proposed it: the leader, this member or
 * the one a follower forwarded it to ({@link MetaRaftNode#submit}), so an operator sees which node did the work.
 *
 * @param appliedBy the proposing leader's raft address {@code host:port}
 */
public record AppliedCommand(CommandResult result, String appliedBy) {

    public AppliedCommand {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(appliedBy, "appliedBy");
    }
}
