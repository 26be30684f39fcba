package io.weft.monitor.health;

import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;

/** The state of one DS component configuration as {@code /health} names it. */
public enum ComponentState {
    ACTIVE,
    SATISFIED,
    UNSATISFIED_REFERENCE,
    UNSATISFIED_CONFIGURATION,
    FAILED_ACTIVATION,
    /**
     * The component requires a configuration and this node has none: it is meant to be off here (e.g.
     * the Derby network server on a node that does not serve one), so it is left out of the overall status.
     */
    NOT_CONFIGURED,
    /** The component is disabled, so it has no configuration and is left out of the overall status. */
    DISABLED;

    /** Maps {@link ComponentConfigurationDTO#state}. */
    public static ComponentState ofDto(int state) {
        return switch (state) {
            case ComponentConfigurationDTO.ACTIVE -> ACTIVE;
            case ComponentConfigurationDTO.SATISFIED -> SATISFIED;
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> UNSATISFIED_REFERENCE;
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> UNSATISFIED_CONFIGURATION;
            case ComponentConfigurationDTO.FAILED_ACTIVATION -> FAILED_ACTIVATION;
            default -> throw new IllegalArgumentException("unknown component state " + state);
        };
    }

    /** Enabled but not able to run for want of a service or a configuration. */
    public boolean unsatisfied() {
        return this == UNSATISFIED_REFERENCE || this == UNSATISFIED_CONFIGURATION;
    }
}
