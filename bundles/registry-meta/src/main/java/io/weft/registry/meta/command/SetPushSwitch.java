package io.weft.registry.meta.command;

import java.util.Objects;

import io.weft.registry.meta.state.CommandResult;
import io.weft.registry.meta.state.MetaModel;
import io.weft.registry.meta.state.PushSwitch;

/** Opens or closes push for every session server (REG-61, REG-62). */
public record SetPushSwitch(PushSwitch pushSwitch) implements MetaCommand {

    public SetPushSwitch {
        Objects.requireNonNull(pushSwitch, "pushSwitch");
    }

    @Override
    public CommandResult applyTo(MetaModel model) {
        return model.setPushSwitch(pushSwitch);
    }
}
