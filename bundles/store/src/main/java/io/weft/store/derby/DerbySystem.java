package io.weft.store.derby;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Points Derby's system home and its {@code derby.log} into the node's home instead of the working
 * directory.
 *
 * <p>Derby reads both from JVM system properties when its engine boots, so they are JVM-wide: the first
 * node home to configure them wins, and values already set (e.g. by {@code WEFT_JAVA_OPTS}) are kept.
 */
public final class DerbySystem {

    public static final String SYSTEM_HOME = "derby.system.home";
    public static final String ERROR_FILE = "derby.stream.error.file";

    private DerbySystem() {
    }

    /**
     * Sets {@code derby.system.home} to {@code <home>/data/derby} and {@code derby.stream.error.file} to
     * {@code <home>/logs/store/derby.log} unless already set, creating the folders.
     *
     * @return Derby's system home in effect
     */
    public static synchronized Path configure(Path home) {
        Path systemHome = home.resolve("data").resolve("derby").toAbsolutePath();
        Path log = home.resolve("logs").resolve("store").resolve("derby.log").toAbsolutePath();
        try {
            if (System.getProperty(SYSTEM_HOME) == null) {
                Files.createDirectories(systemHome);
                System.setProperty(SYSTEM_HOME, systemHome.toString());
            }
            if (System.getProperty(ERROR_FILE) == null) {
                Files.createDirectories(log.getParent());
                System.setProperty(ERROR_FILE, log.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Derby's folders under " + home, e);
        }
        return Path.of(System.getProperty(SYSTEM_HOME));
    }
}
