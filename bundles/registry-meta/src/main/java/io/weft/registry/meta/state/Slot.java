package io.weft.registry.meta.state;

import java.util.List;

/**
 * One shard of the data (REG-4): the data server that leads it and those holding replicas.
 *
 * @param id        0 .. slotCount-1
 * @param leader    the data server address owning the slot, or {@code null} when no data server is registered
 * @param followers replica holders, never containing the leader
 */
public record Slot(int id, String leader, List<String> followers) {

    public Slot {
        followers = List.copyOf(followers);
    }
}
