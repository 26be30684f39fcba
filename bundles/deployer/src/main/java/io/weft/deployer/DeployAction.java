package io.weft.deployer;

import org.osgi.framework.Version;

/** What to do with a jar found in the deploy folder, given what is installed. Pure; unit-tested. */
enum DeployAction {
    /** No bundle of that symbolic name is installed. */
    INSTALL,
    /** An older version is installed, or the same bundle was installed from this very file and changed. */
    UPDATE,
    /** The same or a newer version is already running. */
    SKIP;

    /**
     * @param jarVersion        version in the dropped jar
     * @param installedVersion  version of the installed bundle of the same symbolic name, or null
     * @param installedFromFile whether the installed bundle came from this same deploy file
     */
    static DeployAction decide(Version jarVersion, Version installedVersion, boolean installedFromFile) {
        if (installedVersion == null) {
            return INSTALL;
        }
        if (installedFromFile || jarVersion.compareTo(installedVersion) > 0) {
            return UPDATE;
        }
        return SKIP;
    }
}
