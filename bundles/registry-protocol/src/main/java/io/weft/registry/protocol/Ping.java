package io.weft.registry.protocol;

import java.io.Serializable;

/**
 * Keeps the connection to a meta server that is not the leader (REG-50, REG-51: one connection to each
 * meta): a node sends its heartbeat to the leader and this to the others. A meta answers it with a
 * {@link ClusterView} whose {@code success}, {@code message} and {@code leader} are set (the lists may be empty), so
 * the sender also learns who leads from a follower.
 *
 * <p>A plain Hessian message (decision record 0021): not thread-safe, not to be shared while it is filled.
 */
public final class Ping implements Serializable {

    private static final long serialVersionUID = 1L;

    /** {@link RegistryRoles#SESSION} or {@link RegistryRoles#DATA}. */
    private String role;
    /** The sender's address, as in its {@link NodeHeartbeat}. */
    private String address;

    /** For Hessian, which fills the fields. */
    public Ping() {
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    @Override
    public String toString() {
        return "Ping{"
                + "role='" + role + "'"
                + ", address='" + address + "'"
                + "}";
    }
}
