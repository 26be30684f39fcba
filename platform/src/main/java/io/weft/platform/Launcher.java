package io.weft.platform;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.osgi.service.feature.Feature;
import org.osgi.service.feature.FeatureConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.weft.platform.config.ConfigFiles;
import io.weft.platform.config.ConsoleCredentials;
import io.weft.platform.feature.BundleRepository;
import io.weft.platform.feature.RoleCatalog;
import io.weft.platform.logging.LoggingSetup;
import io.weft.platform.runtime.FrameworkRunner;
import io.weft.platform.runtime.NodeStatus;
import io.weft.platform.runtime.PortCheck;

/**
 * Starts a Weft node: {@code java -jar lib/platform.jar --home DIR [--role R,...] [--console]}.
 *
 * <p>Order of a start: read {@code conf/weft.properties} and the role features; set up logging;
 * seed missing configuration files; check the HTTP port; run the framework until SIGTERM (or the
 * Gogo shell) stops it. A launch that cannot go ahead exits with a {@link LaunchException} status
 * and one line saying why.
 */
public final class Launcher {

    private static final String HTTP_PID = "org.apache.felix.http";

    private Launcher() {
    }

    public static void main(String[] args) {
        Path defaultHome = Path.of(System.getProperty("weft.home", "."));
        try {
            System.exit(run(LaunchOptions.parse(args, defaultHome)));
        } catch (LaunchException e) {
            System.err.println("weft: " + e.getMessage());
            System.exit(e.exitStatus());
        }
    }

    static int run(LaunchOptions options) {
        Path home = options.home();
        Path conf = home.resolve("conf");
        Path data = home.resolve("data");
        Path logs = home.resolve("logs");
        createFolders(home, conf, data, logs, home.resolve("deploy"));

        NodeConfig nodeConfig = NodeConfig.read(conf);
        List<String> roles = options.roles().isEmpty() ? nodeConfig.roles() : options.roles();
        RoleCatalog catalog = RoleCatalog.load(home.resolve("features"));
        Map<String, Feature> features = catalog.resolve(roles);

        NodeStatus status = new NodeStatus(data);
        status.roles(roles);
        status.state("STARTING", "");

        new LoggingSetup(conf, logs).configure(loggingFragments(home.resolve("features"), features));
        Logger log = LoggerFactory.getLogger(Launcher.class);
        log.info("starting Weft node: home={} roles={} features={}", home, roles, features.keySet());

        seedConfiguration(features, conf, data, log);
        checkHttpPort(conf, nodeConfig.bindAddress(), status, log);

        FrameworkRunner runner = new FrameworkRunner(home, status);
        Map<String, String> properties = runner.frameworkProperties(roles, nodeConfig.bindAddress(), options.console());
        properties.putAll(nodeConfig.frameworkProperties());
        Thread shutdownHook = new Thread(() -> {
            status.state("STOPPING", "");
            runner.stop(60_000);
            status.state("STOPPED", "");
        }, "weft-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            long began = System.nanoTime();
            runner.start(properties, features, new BundleRepository(home.resolve("system")));
            long millis = (System.nanoTime() - began) / 1_000_000;
            status.started("started in " + millis + " ms");
            if (status.problems().isEmpty()) {
                log.info("Weft node started in {} ms: roles {}", millis, roles);
            } else {
                log.error("Weft node started in {} ms with {} problem(s): {}", millis, status.problems().size(), status.problems());
            }
            runner.awaitStop();
            return 0;
        } catch (Exception e) {
            log.error("Weft node failed to start: {}", e.getMessage(), e);
            status.problem(String.valueOf(e.getMessage()));
            status.state("FAILED", String.valueOf(e.getMessage()));
            return 1;
        }
    }

    private static void createFolders(Path... folders) {
        for (Path folder : folders) {
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new LaunchException(LaunchException.CONFIG, "cannot create " + folder + ": " + e.getMessage(), e);
            }
        }
    }

    /** Each running feature's logging file shipped as {@code features/logging/<feature>.xml}, in start order. */
    private static Map<String, Path> loggingFragments(Path featuresDir, Map<String, Feature> features) {
        Map<String, Path> fragments = new LinkedHashMap<>();
        for (String name : features.keySet()) {
            Path file = featuresDir.resolve("logging").resolve(name + ".xml");
            if (Files.exists(file)) {
                fragments.put(name, file);
            }
        }
        return fragments;
    }

    /** Seeds every missing {@code conf/<pid>.cfg}; where features share a PID, the later role's values win. */
    private static void seedConfiguration(Map<String, Feature> features, Path conf, Path data, Logger log) {
        Map<String, Map<String, Object>> merged = new LinkedHashMap<>();
        for (Feature feature : features.values()) {
            for (FeatureConfiguration configuration : feature.getConfigurations().values()) {
                merged.computeIfAbsent(configuration.getPid(), k -> new LinkedHashMap<>()).putAll(configuration.getValues());
            }
        }
        ConfigFiles files = new ConfigFiles(conf);
        merged.forEach((pid, defaults) -> {
            if (files.exists(pid)) {
                return;
            }
            Map<String, String> extra = Map.of();
            if (ConsoleCredentials.PID.equals(pid)) {
                try {
                    extra = ConsoleCredentials.firstCredentials(System.getenv(), data);
                } catch (IOException e) {
                    throw new LaunchException(LaunchException.CONFIG, "cannot write the first console password: " + e.getMessage(), e);
                }
                log.warn("Web Console user '{}' created; its password is {}", extra.get("username"),
                        System.getenv(ConsoleCredentials.PASSWORD_ENV) != null
                                ? "the one in $" + ConsoleCredentials.PASSWORD_ENV
                                : "in " + data.resolve(ConsoleCredentials.PASSWORD_FILE));
            }
            if (files.seed(pid, defaults, extra)) {
                log.info("seeded {}", files.fileOf(pid));
            }
        });
    }

    /** A taken HTTP port is said up front; the node still starts its other services. */
    private static void checkHttpPort(Path conf, String bindAddress, NodeStatus status, Logger log) {
        Path file = conf.resolve(HTTP_PID + ".cfg");
        if (!Files.exists(file)) {
            return;
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return; // reported when the configuration fails to load
        }
        String host = p.getProperty("org.apache.felix.http.host", bindAddress).replace("${weft.bind.address}", bindAddress);
        String port = p.getProperty("org.osgi.service.http.port", "").trim();
        if (!port.matches("\\d+") || Integer.parseInt(port) == 0) {
            return;
        }
        String problem = PortCheck.problem(host, Integer.parseInt(port));
        if (problem != null) {
            String text = problem + ": the Web Console, /metrics and /health are not served until it is free"
                    + " or org.osgi.service.http.port in " + file + " names another port";
            log.error(text);
            status.problem(text);
        }
    }
}
