package io.weft.registry.meta.lease;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.weft.registry.meta.command.EvictNodes;
import io.weft.registry.meta.command.MetaCommand;
import io.weft.registry.meta.state.CommandResult;
import io.weft.registry.meta.state.MetaState;
import io.weft.registry.meta.state.NodeRecord;
import io.weft.registry.meta.state.NodeRole;

/**
 * Finds servers whose last renewal is older than the timeout and proposes their eviction. Only the leader
 * decides; the decision is an {@link EvictNodes} command carrying the cutoff, so a follower never evicts on
 * its own clock. Called from one timer thread (or a test); holds no mutable state.
 */
public final class NodeEvictor {

    private static final Logger LOG = LoggerFactory.getLogger("registry.meta");

    private final Supplier<MetaState> state;
    private final BooleanSupplier leader;
    private final Function<MetaCommand, CompletableFuture<CommandResult>> apply;
    private final Clock clock;
    private final long timeoutMillis;

    public NodeEvictor(Supplier<MetaState> state, BooleanSupplier leader,
            Function<MetaCommand, CompletableFuture<CommandResult>> apply, Clock clock, long timeoutMillis) {
        this.state = Objects.requireNonNull(state, "state");
        this.leader = Objects.requireNonNull(leader, "leader");
        this.apply = Objects.requireNonNull(apply, "apply");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (timeoutMillis <= 0) {
            throw new IllegalArgumentException("timeoutMillis must be positive: " + timeoutMillis);
        }
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * Proposes the eviction of every expired server. Completes with the results of the commands it
     * proposed (none on a follower, or when every server renewed in time).
     */
    public CompletableFuture<List<CommandResult>> evictExpired() {
        if (!leader.getAsBoolean()) {
            return CompletableFuture.completedFuture(List.of());
        }
        long cutoff = clock.millis() - timeoutMillis;
        MetaState current = state.get();
        List<CompletableFuture<CommandResult>> proposed = new ArrayList<>();
        for (NodeRole role : NodeRole.values()) {
            List<String> expired = new ArrayList<>();
            for (NodeRecord node : current.nodes(role).values()) {
                if (node.lastRenewalMillis() < cutoff) {
                    expired.add(node.address());
                }
            }
            if (!expired.isEmpty()) {
                LOG.info("{} nodes {} not renewed for {} ms: evicting", role, expired, timeoutMillis);
                proposed.add(apply.apply(new EvictNodes(role, expired, cutoff)));
            }
        }
        return CompletableFuture.allOf(proposed.toArray(CompletableFuture[]::new))
                .thenApply(ignored -> proposed.stream().map(CompletableFuture::join).toList());
    }
}
