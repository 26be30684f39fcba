package io.weft.monitor.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.osgi.framework.dto.BundleDTO;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.util.promise.Promise;

class ComponentStatesTest {

    @Test
    @DisplayName("Health: components are read from SCR's DTOs, disabled ones and those waiting for a configuration included")
    void readsDtos() {
        ComponentDescriptionDTO active = description("io.weft.b", "B", "optional");
        ComponentDescriptionDTO failed = description("io.weft.a", "A", "optional");
        ComponentDescriptionDTO disabled = description("io.weft.a", "D", "optional");
        ComponentDescriptionDTO needsConfig = description("io.weft.a", "C", "require");
        Map<ComponentDescriptionDTO, List<ComponentConfigurationDTO>> configurations = Map.of(
                active, List.of(configuration(ComponentConfigurationDTO.ACTIVE)),
                failed, List.of(configuration(ComponentConfigurationDTO.FAILED_ACTIVATION)),
                disabled, List.of(),
                needsConfig, List.of());

        List<ComponentStatus> states = ComponentStates.read(
                new FakeScr(List.of(active, failed, disabled, needsConfig), configurations, List.of(disabled)));

        assertEquals(List.of(
                new ComponentStatus("A", "io.weft.a", ComponentState.FAILED_ACTIVATION),
                new ComponentStatus("C", "io.weft.a", ComponentState.NOT_CONFIGURED),
                new ComponentStatus("D", "io.weft.a", ComponentState.DISABLED),
                new ComponentStatus("B", "io.weft.b", ComponentState.ACTIVE)), states);
    }

    private static ComponentDescriptionDTO description(String bsn, String name, String policy) {
        ComponentDescriptionDTO d = new ComponentDescriptionDTO();
        d.bundle = new BundleDTO();
        d.bundle.symbolicName = bsn;
        d.name = name;
        d.configurationPolicy = policy;
        return d;
    }

    private static ComponentConfigurationDTO configuration(int state) {
        ComponentConfigurationDTO c = new ComponentConfigurationDTO();
        c.state = state;
        return c;
    }

    private record FakeScr(List<ComponentDescriptionDTO> descriptions,
            Map<ComponentDescriptionDTO, List<ComponentConfigurationDTO>> configurations,
            List<ComponentDescriptionDTO> disabled) implements ServiceComponentRuntime {

        @Override
        public Collection<ComponentDescriptionDTO> getComponentDescriptionDTOs(org.osgi.framework.Bundle... bundles) {
            return descriptions;
        }

        @Override
        public ComponentDescriptionDTO getComponentDescriptionDTO(org.osgi.framework.Bundle bundle, String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Collection<ComponentConfigurationDTO> getComponentConfigurationDTOs(ComponentDescriptionDTO d) {
            return configurations.get(d);
        }

        @Override
        public boolean isComponentEnabled(ComponentDescriptionDTO d) {
            return !disabled.contains(d);
        }

        @Override
        public Promise<Void> enableComponent(ComponentDescriptionDTO d) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Promise<Void> disableComponent(ComponentDescriptionDTO d) {
            throw new UnsupportedOperationException();
        }
    }
}
