package io.weft.registry.meta.state;

import java.util.Objects;

/**
 * A persistent datum's value (REG-66): operators write overrides with a rising version (RCP-20).
 */
public record PersistentDatum(long version, String data) {

    public PersistentDatum {
        Objects.requireNonNull(data, "data");
    }
}
