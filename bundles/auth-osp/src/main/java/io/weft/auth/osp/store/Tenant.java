package io.weft.auth.osp.store;

import java.time.Instant;
import java.util.Objects;

/** A tenant: the owner of instances. Its workspaces are those its instances name. */
public record Tenant(String name, Instant createdAt) {

    public Tenant {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
