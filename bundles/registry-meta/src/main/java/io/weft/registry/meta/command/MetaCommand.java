package io.weft.registry.meta.command;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import io.weft.registry.meta.state.CommandResult;
import io.weft.registry.meta.state.MetaModel;

/**
 * One entry of the meta group's log. The JSON object names its kind in {@code "type"}; only the names
 * below are accepted. Applying must be deterministic: everything that varies (time, the evictor's choice)
 * is in the command, decided once by the leader that proposed it.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = RegisterNode.class, name = "registerNode"),
        @JsonSubTypes.Type(value = RenewNode.class, name = "renewNode"),
        @JsonSubTypes.Type(value = EvictNodes.class, name = "evictNodes"),
        @JsonSubTypes.Type(value = SetPushSwitch.class, name = "setPushSwitch"),
        @JsonSubTypes.Type(value = PutPersistentData.class, name = "putPersistentData"),
        @JsonSubTypes.Type(value = RemovePersistentData.class, name = "removePersistentData")
})
public sealed interface MetaCommand
        permits RegisterNode, RenewNode, EvictNodes, SetPushSwitch, PutPersistentData, RemovePersistentData {

    /** Called by the state machine only, on its thread, in log order. */
    CommandResult applyTo(MetaModel model);

    /** Frequent and uninteresting commands (renewals) are logged at debug level only. */
    default boolean routine() {
        return false;
    }
}
