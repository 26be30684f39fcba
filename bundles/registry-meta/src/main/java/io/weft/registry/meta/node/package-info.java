/**
 * The registry-meta role in OSGi: {@link io.weft.registry.meta.node.MetaServerComponent} (PID
 * {@code io.weft.registry.meta}, {@link io.weft.registry.meta.node.MetaServerConfig}) runs a
 * {@link io.weft.registry.meta.node.MetaNode}, the OSGi-free member, and registers its ops servlets, metrics
 * and health check. Its own messages go to the {@code registry.meta} logger ({@code registry-meta.log}).
 */
package io.weft.registry.meta.node;
