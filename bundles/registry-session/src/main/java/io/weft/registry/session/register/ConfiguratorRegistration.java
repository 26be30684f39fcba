package io.weft.registry.session.register;

import io.weft.registry.session.data.DataInfoId;

/** A configurator (watcher) of persistent data, e.g. SOFARPC's governance rules in {@code SOFA.CONFIG} (RCP-19). */
public record ConfiguratorRegistration(String registId, String connectionId, DataInfoId id, long version)
        implements Registration {
}
