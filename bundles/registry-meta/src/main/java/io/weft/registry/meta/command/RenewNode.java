package io.weft.registry.meta.command;

import java.util.Objects;

import io.weft.registry.meta.state.CommandResult;
import io.weft.registry.meta.state.MetaModel;
import io.weft.registry.meta.state.NodeRole;

/**
 * A server's heartbeat (REG-40, {@code metaRenew_fail_prod} counts the missing ones). Carries the data
 * center too, so that a renewal from an evicted server registers it again.
 */
public record RenewNode(NodeRole role, String address, String dataCenter, long nowMillis) implements MetaCommand {

    public RenewNode {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(address, "address");
    }

    @Override
    public CommandResult applyTo(MetaModel model) {
        return model.register(role, address, dataCenter, nowMillis);
    }

    @Override
    public boolean routine() {
        return true;
    }
}
