package io.weft.deployer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;

class DeployActionTest {

    private static final Version V1 = Version.parseVersion("0.1.0");
    private static final Version V2 = Version.parseVersion("0.1.1");

    @Test
    @DisplayName("a bundle not yet installed is installed")
    void newBundleIsInstalled() {
        assertEquals(DeployAction.INSTALL, DeployAction.decide(V1, null, false));
    }

    @Test
    @DisplayName("a newer version replaces the running one")
    void newerVersionUpdates() {
        assertEquals(DeployAction.UPDATE, DeployAction.decide(V2, V1, false));
    }

    @Test
    @DisplayName("an older or equal version never replaces the running one")
    void olderOrSameVersionIsSkipped() {
        assertEquals(DeployAction.SKIP, DeployAction.decide(V1, V2, false));
        assertEquals(DeployAction.SKIP, DeployAction.decide(V1, V1, false));
    }

    @Test
    @DisplayName("a changed jar that installed the running bundle is re-applied, whatever its version")
    void sameFileChangedIsReapplied() {
        assertEquals(DeployAction.UPDATE, DeployAction.decide(V1, V1, true));
    }
}
