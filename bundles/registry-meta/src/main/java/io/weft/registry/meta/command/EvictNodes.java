package io.weft.registry.meta.command;

import java.util.List;
import java.util.Objects;

import io.weft.registry.meta.state.CommandResult;
import io.weft.registry.meta.state.MetaModel;
import io.weft.registry.meta.state.NodeRole;

/**
 * The leader's decision that servers stopped renewing (REG-32, REG-78). Each replica evicts only those
 * still older than {@code cutoffMillis} when the entry is applied.
 */
public record EvictNodes(NodeRole role, List<String> addresses, long cutoffMillis) implements MetaCommand {

    public EvictNodes {
        Objects.requireNonNull(role, "role");
        addresses = List.copyOf(addresses);
    }

    @Override
    public CommandResult applyTo(MetaModel model) {
        return model.evict(role, addresses, cutoffMillis);
    }
}
