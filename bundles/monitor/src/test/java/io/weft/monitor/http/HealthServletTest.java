package io.weft.monitor.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.dto.BundleDTO;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.util.promise.Promise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.weft.api.health.Health;
import io.weft.api.health.HealthIndicator;

class HealthServletTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    @DisplayName("Health: GET /health answers 200 UP with node, components and checks as JSON")
    void up() throws IOException {
        HealthServlet servlet = servlet(ComponentConfigurationDTO.ACTIVE);
        servlet.indicators = List.of(indicator("monitor", Health.up("no alerts firing")));

        FakeHttp.Response response = get(servlet);
        JsonNode json = mapper.readTree(response.body());

        assertEquals(200, response.status);
        assertEquals("application/json", response.contentType);
        assertEquals("UP", json.get("status").asText());
        assertEquals("/opt/weft", json.at("/node/home").asText());
        assertEquals("registry-session,drm", json.at("/node/roles").asText());
        assertTrue(json.at("/node/uptimeSeconds").isNumber());
        assertEquals("io.weft.monitor.NodeMonitorService", json.at("/components/0/name").asText());
        assertEquals("io.weft.monitor", json.at("/components/0/bundle").asText());
        assertEquals("ACTIVE", json.at("/components/0/state").asText());
        assertEquals("monitor", json.at("/checks/0/name").asText());
        assertEquals("UP", json.at("/checks/0/status").asText());
        assertEquals("no alerts firing", json.at("/checks/0/detail").asText());
    }

    @Test
    @DisplayName("Health: a DEGRADED node still answers 200")
    void degraded() throws IOException {
        HealthServlet servlet = servlet(ComponentConfigurationDTO.UNSATISFIED_REFERENCE);
        servlet.indicators = List.of();

        FakeHttp.Response response = get(servlet);

        assertEquals(200, response.status);
        assertEquals("DEGRADED", mapper.readTree(response.body()).get("status").asText());
    }

    @Test
    @DisplayName("Health: a check that throws makes the node DOWN with 503, never a 500")
    void throwingCheckIs503() throws IOException {
        HealthServlet servlet = servlet(ComponentConfigurationDTO.ACTIVE);
        servlet.indicators = List.of(new HealthIndicator() {
            @Override
            public String name() {
                return "store";
            }

            @Override
            public Health check() {
                throw new IllegalStateException("database closed");
            }
        });

        FakeHttp.Response response = get(servlet);
        JsonNode json = mapper.readTree(response.body());

        assertEquals(503, response.status);
        assertEquals("DOWN", json.get("status").asText());
        assertEquals("DOWN", json.at("/checks/0/status").asText());
        assertEquals("database closed", json.at("/checks/0/detail").asText());
    }

    private static FakeHttp.Response get(HealthServlet servlet) throws IOException {
        FakeHttp.Response response = new FakeHttp.Response();
        servlet.doGet(FakeHttp.get(), response.asServletResponse());
        return response;
    }

    private static HealthServlet servlet(int componentState) {
        return new HealthServlet(new OneComponentScr(componentState),
                FakeHttp.context(Map.of("weft.home", "/opt/weft", "weft.roles", "registry-session,drm")));
    }

    private static HealthIndicator indicator(String name, Health health) {
        return new HealthIndicator() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Health check() {
                return health;
            }
        };
    }

    /** An SCR with one enabled component in the given state. */
    private record OneComponentScr(int state) implements ServiceComponentRuntime {

        @Override
        public Collection<ComponentDescriptionDTO> getComponentDescriptionDTOs(Bundle... bundles) {
            ComponentDescriptionDTO d = new ComponentDescriptionDTO();
            d.name = "io.weft.monitor.NodeMonitorService";
            d.bundle = new BundleDTO();
            d.bundle.symbolicName = "io.weft.monitor";
            d.configurationPolicy = "optional";
            return List.of(d);
        }

        @Override
        public ComponentDescriptionDTO getComponentDescriptionDTO(Bundle bundle, String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Collection<ComponentConfigurationDTO> getComponentConfigurationDTOs(ComponentDescriptionDTO d) {
            ComponentConfigurationDTO c = new ComponentConfigurationDTO();
            c.state = state;
            return List.of(c);
        }

        @Override
        public boolean isComponentEnabled(ComponentDescriptionDTO d) {
            return true;
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
