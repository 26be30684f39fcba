package io.weft.registry.session.data;

import java.util.Objects;

/**
 * The identity of one published datum (REG-19, RCP-17): two registrations belong to the same datum only if
 * dataId, instanceId and group are all equal. Written {@code dataId#@#instanceId#@#group}; a registration
 * without an instanceId (SOFARPC sends none) is in {@value #DEFAULT_INSTANCE_ID}.
 */
public record DataInfoId(String dataId, String instanceId, String group) {

    public static final String DEFAULT_INSTANCE_ID = "DEFAULT_INSTANCE_ID";
    private static final String SEPARATOR = "#@#";

    public DataInfoId {
        Objects.requireNonNull(dataId, "dataId");
        Objects.requireNonNull(group, "group");
        instanceId = instanceId == null || instanceId.isBlank() ? DEFAULT_INSTANCE_ID : instanceId;
    }

    @Override
    public String toString() {
        return dataId + SEPARATOR + instanceId + SEPARATOR + group;
    }
}
