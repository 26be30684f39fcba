package io.weft.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.osgi.service.feature.Feature;

import io.weft.platform.LaunchException;
import io.weft.platform.feature.RoleCatalog;
import io.weft.platform.feature.StartLevels;

/** The shipped feature files, as the launcher reads them. */
class RoleFeaturesTest {

    private final RoleCatalog catalog = RoleCatalog.load(Path.of("target/classes/features"));

    @Test
    @DisplayName("every feature file is a valid OSGi feature and standalone resolves to the node runtime first")
    void standaloneResolves() {
        Map<String, Feature> features = catalog.resolve(java.util.List.of("standalone"));
        assertEquals("node", features.keySet().iterator().next());
        assertTrue(features.containsKey("standalone"));
        Feature node = features.get("node");
        assertFalse(node.getBundles().isEmpty());
        node.getBundles().forEach(StartLevels::of); // every start-order is valid
    }

    @Test
    @DisplayName("the node runtime serves HTTP on 8341, the seed's DsrConsole port, bound to the node's address")
    void standaloneHttpPort() {
        Map<String, Object> http = catalog.resolve(java.util.List.of("standalone")).get("node")
                .getConfigurations().get("org.apache.felix.http").getValues();
        assertEquals("8341", String.valueOf(http.get("org.osgi.service.http.port")));
        assertEquals("${weft.bind.address}", http.get("org.apache.felix.http.host"));
    }

    @Test
    @DisplayName("an unknown role is refused with the list of known roles")
    void unknownRole() {
        LaunchException e = assertThrows(LaunchException.class, () -> catalog.resolve(java.util.List.of("nosuchrole")));
        assertTrue(e.getMessage().contains("unknown role 'nosuchrole'"), e.getMessage());
        assertTrue(e.getMessage().contains("standalone"), e.getMessage());
        assertEquals(LaunchException.CONFIG, e.exitStatus());
    }
}
