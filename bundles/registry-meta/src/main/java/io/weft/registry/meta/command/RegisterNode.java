package io.weft.registry.meta.command;

import java.util.Objects;

import io.weft.registry.meta.state.CommandResult;
import io.weft.registry.meta.state.MetaModel;
import io.weft.registry.meta.state.NodeRole;

/** A data or session server joins (REG-5); {@code nowMillis} is the proposing leader's clock. */
public record RegisterNode(NodeRole role, String address, String dataCenter, long nowMillis) implements MetaCommand {

    public RegisterNode {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(address, "address");
    }

    @Override
    public CommandResult applyTo(MetaModel model) {
        return model.register(role, address, dataCenter, nowMillis);
    }
}
