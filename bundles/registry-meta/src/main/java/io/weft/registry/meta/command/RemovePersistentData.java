package io.weft.registry.meta.command;

import io.weft.registry.meta.state.CommandResult;
import io.weft.registry.meta.state.MetaModel;
import io.weft.registry.meta.state.PersistentKey;

/** {@code POST /persistentData/remove} (RCP-20). */
public record RemovePersistentData(String dataId, String group, String instanceId) implements MetaCommand {

    public RemovePersistentData {
        new PersistentKey(dataId, group, instanceId);
    }

    @Override
    public CommandResult applyTo(MetaModel model) {
        return model.removePersistentData(new PersistentKey(dataId, group, instanceId));
    }
}
