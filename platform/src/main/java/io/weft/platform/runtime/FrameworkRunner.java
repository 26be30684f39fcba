package io.weft.platform.runtime;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.feature.Feature;
import org.osgi.service.feature.FeatureBundle;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.weft.platform.feature.BundleRepository;
import io.weft.platform.feature.StartLevels;

/**
 * Runs one embedded Felix framework for a node: installs the features' bundles at their start
 * levels, starts the configuration level, waits until every {@code conf/*.cfg} is in ConfigAdmin,
 * then starts everything else. Problems (a bundle that will not install or start, a configuration
 * file that does not load) are logged and recorded in the node status; the rest keeps running.
 */
public final class FrameworkRunner {

    private static final Logger LOG = LoggerFactory.getLogger(FrameworkRunner.class);
    private static final long CONFIG_WAIT_MILLIS = 15_000;
    private static final long SETTLE_MILLIS = 10_000;

    /**
     * Packages the launcher's class path shares with bundles: the logging API (one backend for the
     * whole node) and the two OSGi service APIs the launcher itself calls. SLF4J 2 keeps the 1.7 API,
     * so its packages are also offered as 1.7.36 to bundles that still ask for [1.7,2) (the Web Console).
     * Public so that tests booting the runtime another way (Pax Exam) export exactly the same.
     */
    public static final List<String> SYSTEM_PACKAGES = List.of(
            "org.slf4j;version=2.0.17", "org.slf4j.event;version=2.0.17", "org.slf4j.helpers;version=2.0.17",
            "org.slf4j.spi;version=2.0.17",
            "org.slf4j;version=1.7.36", "org.slf4j.event;version=1.7.36", "org.slf4j.helpers;version=1.7.36",
            "org.slf4j.spi;version=1.7.36",
            "org.osgi.service.cm;version=1.6.1",
            "org.osgi.service.log;version=1.5.0",
            "com.sun.management", "sun.misc", "sun.nio.ch");

    private final Path home;
    private final NodeStatus status;
    private final Set<String> failed = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private Framework framework;
    private OsgiLogBridge logBridge;

    public FrameworkRunner(Path home, NodeStatus status) {
        this.home = home;
        this.status = status;
    }

    /** Framework properties for this node, before the operator's {@code framework.*} overrides. */
    public Map<String, String> frameworkProperties(List<String> roles, String bindAddress, boolean console) {
        Map<String, String> p = new HashMap<>();
        p.put(Constants.FRAMEWORK_STORAGE, home.resolve("data").resolve("felix-cache").toString());
        // The installed set is derived from the features and deploy/ at every start, so no stale
        // bundle from an earlier run can shadow the distribution's.
        p.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        p.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, String.join(",", SYSTEM_PACKAGES));
        p.put(Constants.FRAMEWORK_BEGINNING_STARTLEVEL, Integer.toString(StartLevels.CONFIGURATION));
        p.put("felix.bootdelegation.implicit", "false");
        p.put("weft.home", home.toString());
        p.put("weft.roles", String.join(",", roles));
        p.put("weft.bind.address", bindAddress);
        // FileInstall watches conf/ for configuration only; bundles go through deploy/ (deployer).
        p.put("felix.fileinstall.dir", home.resolve("conf").toString());
        p.put("felix.fileinstall.filter", ".*\\.(cfg|config)");
        p.put("felix.fileinstall.poll", "1000");
        p.put("felix.fileinstall.noInitialDelay", "true");
        p.put("felix.fileinstall.enableConfigSave", "true");
        p.put("felix.fileinstall.log.level", "2");
        p.put("felix.fileinstall.log.default", "jul");
        // Jetty binds only once its configuration (conf/org.apache.felix.http.cfg) arrives.
        p.put("org.apache.felix.http.enable", "false");
        p.put("org.apache.felix.http.host", bindAddress);
        p.put("gosh.args", console ? "--noshutdown" : "--nointeractive --noshutdown");
        p.put("ds.loglevel", "warn");
        return p;
    }

    public void start(Map<String, String> properties, Map<String, Feature> features, BundleRepository repository)
            throws BundleException, InterruptedException {
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi framework on the class path"));
        Map<String, Object> config = new HashMap<>(properties);
        config.put("felix.log.logger", new FelixLogger());
        @SuppressWarnings({"unchecked", "rawtypes"})
        Map<String, String> raw = (Map) config;
        framework = factory.newFramework(raw);
        framework.init();
        BundleContext context = framework.getBundleContext();
        context.addFrameworkListener(event -> {
            if (event.getType() == FrameworkEvent.ERROR) {
                String bsn = event.getBundle() == null ? "framework" : event.getBundle().getSymbolicName();
                String why = event.getThrowable() == null ? "" : event.getThrowable().getMessage();
                LOG.error("bundle {} failed: {}", bsn, why, event.getThrowable());
                if (failed.add(bsn)) {
                    status.problem("bundle " + bsn + " failed: " + why);
                }
            }
        });
        logBridge = new OsgiLogBridge(context);
        logBridge.open();

        for (Map.Entry<String, Feature> feature : features.entrySet()) {
            for (FeatureBundle fb : feature.getValue().getBundles()) {
                install(context, repository.jarOf(fb.getID()), StartLevels.of(fb), feature.getKey());
            }
        }
        framework.start();
        awaitConfigurations(context);
        raiseStartLevel(StartLevels.APPLICATION);
        for (Bundle b : awaitActive(context)) {
            status.problem("bundle " + b.getSymbolicName() + " " + b.getVersion() + " is not active");
        }
    }

    /**
     * Bundles that are not active, apart from those whose failure was already reported. Waits a
     * little for them: the deploy folder may be replacing a bundle right now (it re-applies deploy/
     * at every start), which stops and starts it.
     */
    private List<Bundle> awaitActive(BundleContext context) throws InterruptedException {
        long deadline = System.currentTimeMillis() + SETTLE_MILLIS;
        while (true) {
            List<Bundle> inactive = Stream.of(context.getBundles())
                    .filter(b -> b.getState() != Bundle.ACTIVE && !isFragment(b) && !failed.contains(b.getSymbolicName()))
                    .toList();
            if (inactive.isEmpty() || System.currentTimeMillis() > deadline) {
                return inactive;
            }
            Thread.sleep(100);
        }
    }

    private void install(BundleContext context, Path jar, int startLevel, String feature) {
        String location = jar.toUri().toString();
        try {
            Bundle bundle = context.installBundle(location);
            bundle.adapt(BundleStartLevel.class).setStartLevel(startLevel);
            if (!isFragment(bundle)) {
                bundle.start(Bundle.START_ACTIVATION_POLICY);
            }
        } catch (BundleException | RuntimeException e) {
            LOG.error("feature {}: cannot install {}: {}", feature, jar, e.getMessage(), e);
            status.problem("feature " + feature + ": cannot install " + jar.getFileName() + ": " + e.getMessage());
        }
    }

    private static boolean isFragment(Bundle bundle) {
        return bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null;
    }

    private void awaitConfigurations(BundleContext context) throws InterruptedException {
        Set<String> expected = new HashSet<>();
        try (Stream<Path> files = Files.list(home.resolve("conf"))) {
            files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".cfg") || n.endsWith(".config"))
                    .forEach(expected::add);
        } catch (IOException e) {
            status.problem("cannot list conf/: " + e.getMessage());
            return;
        }
        ServiceTracker<ConfigurationAdmin, ConfigurationAdmin> tracker =
                new ServiceTracker<>(context, ConfigurationAdmin.class, null);
        tracker.open();
        try {
            long deadline = System.currentTimeMillis() + CONFIG_WAIT_MILLIS;
            Set<String> missing = new HashSet<>(expected);
            while (System.currentTimeMillis() < deadline) {
                ConfigurationAdmin admin = tracker.waitForService(500);
                if (admin != null) {
                    missing.removeAll(loadedFiles(admin));
                    if (missing.isEmpty()) {
                        return;
                    }
                }
                Thread.sleep(100);
            }
            for (String name : missing) {
                String text = "configuration conf/" + name + " was not loaded (unreadable or malformed?): "
                        + "its bundle runs with defaults until the file is fixed";
                LOG.error(text);
                status.problem(text);
            }
        } finally {
            tracker.close();
        }
    }

    private static Set<String> loadedFiles(ConfigurationAdmin admin) {
        Set<String> names = new HashSet<>();
        try {
            Configuration[] all = admin.listConfigurations("(felix.fileinstall.filename=*)");
            if (all != null) {
                for (Configuration c : all) {
                    Dictionary<String, Object> props = c.getProperties();
                    Object file = props == null ? null : props.get("felix.fileinstall.filename");
                    if (file != null) {
                        names.add(Path.of(URI.create(file.toString())).getFileName().toString());
                    }
                }
            }
        } catch (IOException | org.osgi.framework.InvalidSyntaxException | IllegalArgumentException e) {
            LOG.warn("cannot list configurations: {}", e.getMessage());
        }
        return names;
    }

    private void raiseStartLevel(int level) throws InterruptedException {
        CountDownLatch reached = new CountDownLatch(1);
        framework.adapt(FrameworkStartLevel.class).setStartLevel(level, event -> reached.countDown());
        if (!reached.await(120, TimeUnit.SECONDS)) {
            status.problem("start level " + level + " not reached within 120 s");
        }
    }

    /** Blocks until the framework stops, by {@link #stop()} or from inside (e.g. the Gogo shell). */
    public void awaitStop() throws InterruptedException {
        framework.waitForStop(0);
    }

    public void stop(long timeoutMillis) {
        if (framework == null) {
            return;
        }
        try {
            if (logBridge != null) {
                logBridge.close();
            }
            framework.stop();
            FrameworkEvent event = framework.waitForStop(timeoutMillis);
            if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                LOG.error("framework did not stop within {} ms", timeoutMillis);
            }
        } catch (BundleException | InterruptedException | IllegalStateException e) {
            LOG.error("error while stopping the framework: {}", e.getMessage(), e);
        }
    }
}
