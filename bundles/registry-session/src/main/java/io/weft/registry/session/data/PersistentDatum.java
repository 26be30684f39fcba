package io.weft.registry.session.data;

/**
 * One value of the persistent (governance) data (REG-48, RCP-19/20), e.g. the {@code override://} rules
 * of a service in group {@code SOFA.CONFIG}.
 *
 * @param data    the value; {@code null} once removed (configurators are told with a higher version)
 * @param version the writer's version; a write only takes effect with a higher one
 */
public record PersistentDatum(DataInfoId id, String data, long version) {
}
