package io.weft.registry.meta.command;

import io.weft.registry.meta.state.CommandResult;
import io.weft.registry.meta.state.MetaModel;
import io.weft.registry.meta.state.PersistentDatum;
import io.weft.registry.meta.state.PersistentKey;

/** {@code POST /persistentData/put} (REG-66, RCP-20), with the body's fields. */
public record PutPersistentData(String dataId, String group, String instanceId, long version, String data)
        implements MetaCommand {

    public PutPersistentData {
        // Checked when proposed, so a bad request fails at the caller and never reaches the log.
        new PersistentKey(dataId, group, instanceId);
        if (data == null) {
            throw new IllegalArgumentException("data is required");
        }
    }

    @Override
    public CommandResult applyTo(MetaModel model) {
        return model.putPersistentData(new PersistentKey(dataId, group, instanceId), new PersistentDatum(version, data));
    }
}
