package io.weft.platform;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The node-level settings in {@code conf/weft.properties}: which roles the node runs, and extra
 * framework properties. Everything a bundle reads is ConfigAdmin configuration instead
 * ({@code conf/<pid>.cfg}), so it can change without a restart.
 *
 * <pre>
 * weft.roles=standalone            # one or more roles, comma separated
 * weft.bind.address=127.0.0.1      # address every server of this node binds unless its own config says otherwise
 * framework.&lt;name&gt;=&lt;value&gt;        # passed to the OSGi framework as property &lt;name&gt;
 * </pre>
 */
public final class NodeConfig {

    public static final String FILE_NAME = "weft.properties";
    public static final String ROLES = "weft.roles";
    public static final String BIND_ADDRESS = "weft.bind.address";
    private static final String FRAMEWORK_PREFIX = "framework.";

    private final List<String> roles;
    private final String bindAddress;
    private final Map<String, String> frameworkProperties;

    private NodeConfig(List<String> roles, String bindAddress, Map<String, String> frameworkProperties) {
        this.roles = roles;
        this.bindAddress = bindAddress;
        this.frameworkProperties = frameworkProperties;
    }

    /** Reads {@code conf/weft.properties}; a missing file means a standalone node on loopback. */
    public static NodeConfig read(Path confDir) {
        Path file = confDir.resolve(FILE_NAME);
        Properties props = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                props.load(in);
            } catch (IOException | IllegalArgumentException e) {
                throw new LaunchException(LaunchException.CONFIG,
                        "cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        List<String> roles = splitList(props.getProperty(ROLES, "standalone"));
        String bind = props.getProperty(BIND_ADDRESS, "127.0.0.1").trim();
        Map<String, String> framework = new LinkedHashMap<>();
        for (String name : props.stringPropertyNames()) {
            if (name.startsWith(FRAMEWORK_PREFIX)) {
                framework.put(name.substring(FRAMEWORK_PREFIX.length()), props.getProperty(name).trim());
            }
        }
        return new NodeConfig(roles, bind, Map.copyOf(framework));
    }

    static List<String> splitList(String value) {
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    public List<String> roles() {
        return roles;
    }

    public String bindAddress() {
        return bindAddress;
    }

    public Map<String, String> frameworkProperties() {
        return frameworkProperties;
    }
}
