package io.weft.registry.meta.state;

/**
 * Identity of one persistent datum: the same triple that identifies a service (REG-19).
 */
public record PersistentKey(String dataId, String group, String instanceId) implements Comparable<PersistentKey> {

    public PersistentKey {
        dataId = required("dataId", dataId);
        group = required("group", group);
        instanceId = required("instanceId", instanceId);
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    @Override
    public int compareTo(PersistentKey o) {
        int c = dataId.compareTo(o.dataId);
        if (c == 0) {
            c = group.compareTo(o.group);
        }
        return c == 0 ? instanceId.compareTo(o.instanceId) : c;
    }

    @Override
    public String toString() {
        return dataId + "#" + group + "#" + instanceId;
    }
}
