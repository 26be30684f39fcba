package io.weft.monitor.health;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/** Reads the state of every DS component from the Service Component Runtime. */
public final class ComponentStates {

    private ComponentStates() {
    }

    /**
     * One entry per component configuration (a factory-configured component may have several), sorted by
     * bundle and name. A disabled component has one DISABLED entry. An enabled component that requires a
     * configuration and has none has no configuration DTO at all: it is reported NOT_CONFIGURED, since
     * a configuration-required component without one is how a node leaves an optional service off.
     */
    public static List<ComponentStatus> read(ServiceComponentRuntime scr) {
        List<ComponentStatus> result = new ArrayList<>();
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            String bundle = description.bundle != null ? description.bundle.symbolicName : "";
            if (!scr.isComponentEnabled(description)) {
                result.add(new ComponentStatus(description.name, bundle, ComponentState.DISABLED));
                continue;
            }
            Collection<ComponentConfigurationDTO> configurations = scr.getComponentConfigurationDTOs(description);
            if (configurations.isEmpty()) {
                if ("require".equals(description.configurationPolicy)) {
                    result.add(new ComponentStatus(description.name, bundle,
                            ComponentState.NOT_CONFIGURED));
                }
                continue;
            }
            for (ComponentConfigurationDTO configuration : configurations) {
                result.add(new ComponentStatus(description.name, bundle, ComponentState.ofDto(configuration.state)));
            }
        }
        result.sort(Comparator.comparing(ComponentStatus::bundle).thenComparing(ComponentStatus::name));
        return result;
    }
}
