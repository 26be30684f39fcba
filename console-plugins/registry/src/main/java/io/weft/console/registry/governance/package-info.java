/**
 * Provider governance (CON-5, REG-65..68): a console user's disable, enable and weight, saved in
 * {@code service_config} / {@code service_info} and pushed to the meta leader as the service's
 * {@code SOFA.CONFIG} persistent datum of {@code override://} rules. Free of OSGi and servlet types.
 */
package io.weft.console.registry.governance;
