package io.weft.api.health;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A check that one part of a node is able to serve, registered as an OSGi service.
 *
 * <p>Called on the thread serving a {@code /health} request: implementations answer from state they
 * already hold and must not block on the network.
 */
@ConsumerType
public interface HealthIndicator {

    /** Short, stable name shown in {@code /health}, e.g. {@code "registry-session"}. */
    String name();

    /** The current state of this part of the node. */
    Health check();
}
