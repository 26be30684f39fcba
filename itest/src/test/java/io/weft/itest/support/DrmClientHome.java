package io.weft.itest.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

import io.weft.drm.client.DrmClient;

/**
 * The folders of one application's DRM client run from the test JVM: its local cache and its logs
 * ({@code drm-boot.log}, {@code drm-monitor.log}, {@code common-error.log}), under the test's work
 * folder so a failed run leaves them to read. A client built again on the same home starts from the
 * same cache, as an application restarted on the same host does.
 */
public final class DrmClientHome {

    private final String name;
    private final Path root;

    private DrmClientHome(String name, Path root) {
        this.name = name;
        this.root = root;
    }

    public static DrmClientHome create(String name) {
        Path work = Path.of(System.getProperty("weft.itest.work", "target/nodes")).toAbsolutePath();
        Path root = work.resolve("drm-clients").resolve(name + "-" + System.nanoTime());
        try {
            Files.createDirectories(root.resolve("cache"));
            Files.createDirectories(root.resolve("logs"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DrmClientHome(name, root);
    }

    /** {@code host:port} of each node's client port (their 9880), comma-separated, in the order given. */
    public static String servers(WeftNode... nodes) {
        return Arrays.stream(nodes).map(n -> "127.0.0.1:" + n.drmPorts().client()).collect(Collectors.joining(","));
    }

    /** A client of instance {@code default} named after this home, on these servers; not yet built. */
    public DrmClient.Builder builder(String servers) {
        return DrmClient.builder().instanceId("default").appName(name).servers(servers)
                .cacheDir(root.resolve("cache")).logDir(root.resolve("logs"));
    }

    public DrmClient.Builder builder(WeftNode... nodes) {
        return builder(servers(nodes));
    }

    public Path root() {
        return root;
    }

    /** One of the client's log files, empty when not written yet. */
    public String log(String file) {
        try {
            return Files.readString(root.resolve("logs").resolve(file));
        } catch (IOException e) {
            return "";
        }
    }

    /** How many lines of the client's {@code drm-monitor.log} contain {@code registersuccess} (DRM-23). */
    public long registrations() {
        return log("drm-monitor.log").lines().filter(l -> l.contains("registersuccess")).count();
    }
}
