package io.weft.itest.runtime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemPackages;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.options.UrlProvisionOption;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

import io.weft.platform.runtime.FrameworkRunner;
import io.weft.platform.runtime.NodeStatus;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The standalone feature in Felix inside the test JVM (Pax Exam native container): the bundles the
 * distribution's feature files name, from its {@code system/} folder as {@code file:} URLs at their
 * start-order, with the framework properties and system packages of the production launcher
 * ({@code FrameworkRunner}), then the features' configurations through ConfigurationAdmin (HTTP on a
 * free loopback port). It proves the runtime's wiring without a launcher process: every bundle
 * active, every Weft DS component satisfied, {@code /metrics} and {@code /health} answering.
 *
 * <p>JUnit 4 (Pax Exam 4 has no JUnit 5 runner), run by the vintage engine. Start levels: feature
 * start-order {@code n} is start level {@code n} (1 configuration, 2 libraries, 3 runtime services,
 * 5 Weft); Pax Exam's own bundles start at {@value org.ops4j.pax.exam.Constants#START_LEVEL_SYSTEM_BUNDLES}
 * with the libraries, its probe (this class) at {@value org.ops4j.pax.exam.Constants#START_LEVEL_TEST_BUNDLE},
 * the framework's final level, once everything else has started.
 */
@RunWith(PaxExam.class)
public class StandaloneFeaturePaxExamTest {

    static final String BIND_ADDRESS = "127.0.0.1";
    static final String HTTP_PID = "org.apache.felix.http";
    static final String HTTP_PORT = "org.osgi.service.http.port";
    static final String HTTP_HOST = "org.apache.felix.http.host";
    /** Framework properties that hand the probe what the configuration method chose. */
    static final String DIST_PROPERTY = "weft.itest.dist";
    static final String PORT_PROPERTY = "weft.itest.http.port";
    static final String DRM_CLIENT_PROPERTY = "weft.itest.drm.client";

    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)\\}");

    @Inject
    private BundleContext context;

    @Inject
    private ServiceComponentRuntime scr;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @org.ops4j.pax.exam.Configuration
    public Option[] configuration() throws IOException {
        Path dist = Path.of(System.getProperty("weft.dist", "../assembly/target/weft-standalone")).toAbsolutePath().normalize();
        StandaloneFeature feature = StandaloneFeature.read(dist);
        Path work = Path.of(System.getProperty("weft.itest.work", "target/nodes")).toAbsolutePath();
        Files.createDirectories(work);
        Path home = Files.createTempDirectory(work, "paxexam-standalone-");
        for (String folder : List.of("conf", "data", "logs", "deploy")) {
            Files.createDirectories(home.resolve(folder));
        }

        List<Option> options = new ArrayList<>();
        options.add(systemPackages(FrameworkRunner.SYSTEM_PACKAGES.toArray(new String[0])));
        // The launcher's own framework properties, but storage and start levels, which are Pax Exam's.
        Map<String, String> node = new FrameworkRunner(home, new NodeStatus(home.resolve("data")))
                .frameworkProperties(List.of(StandaloneFeature.STANDALONE), BIND_ADDRESS, false);
        for (String managedByPaxExam : List.of(Constants.FRAMEWORK_STORAGE, Constants.FRAMEWORK_STORAGE_CLEAN,
                Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, Constants.FRAMEWORK_BEGINNING_STARTLEVEL)) {
            node.remove(managedByPaxExam);
        }
        node.forEach((name, value) -> options.add(frameworkProperty(name).value(value)));
        // Pax Exam boot-delegates sun.*; a node delegates nothing, so neither does this framework.
        options.add(frameworkProperty(Constants.FRAMEWORK_BOOTDELEGATION).value(""));
        options.add(frameworkProperty(DIST_PROPERTY).value(dist.toString()));
        options.add(frameworkProperty(PORT_PROPERTY).value(Integer.toString(freeLoopbackPort())));

        // JUnit and Pax Exam's invoker, started with Pax Exam's other bundles.
        for (Option option : junitBundles().getOptions()) {
            if (option instanceof UrlProvisionOption url) {
                url.startLevel(org.ops4j.pax.exam.Constants.START_LEVEL_SYSTEM_BUNDLES);
            }
            options.add(option);
        }
        for (StandaloneFeature.Bundle b : feature.bundles()) {
            UrlProvisionOption option = bundle(b.location()).startLevel(b.startOrder());
            options.add(b.fragment() ? option.noStart() : option);
        }
        // The DRM client as an application bundle would use it: not part of any role, installed beside them.
        Path drmClient = drmClientJar();
        options.add(bundle(drmClient.toUri().toString()).startLevel(5));
        options.add(frameworkProperty(DRM_CLIENT_PROPERTY).value(drmClient.toUri().toString()));
        return options.toArray(new Option[0]);
    }

    @Test
    public void theStandaloneFeatureBootsInFelix_bundlesActive_componentsSatisfied_metricsAndHealthAnswer()
            throws Exception {
        StandaloneFeature feature = StandaloneFeature.read(Path.of(context.getProperty(DIST_PROPERTY)));
        int port = Integer.parseInt(context.getProperty(PORT_PROPERTY));

        assertEveryFeatureBundleActive(feature);
        assertSlf4jOnlyFromSystemBundle();

        applyConfigurations(feature, port);

        List<String> componentProblems = awaitNoProblems(this::weftComponentProblems);
        assertTrue("Weft DS components not ACTIVE or SATISFIED:\n  " + String.join("\n  ", componentProblems),
                componentProblems.isEmpty());

        assertMetricsAndHealth("http://" + BIND_ADDRESS + ":" + port);
    }

    /**
     * A stopped Weft bundle leaves no thread behind (ARCHITECTURE: "a bundle that is stopped leaves no
     * thread, port or file handle behind"), its servlet is gone, and it serves again once restarted.
     */
    @Test
    public void aStoppedWeftBundleLeavesNoThreadBehindAndServesAgainWhenStarted() throws Exception {
        StandaloneFeature feature = StandaloneFeature.read(Path.of(context.getProperty(DIST_PROPERTY)));
        int port = Integer.parseInt(context.getProperty(PORT_PROPERTY));
        applyConfigurations(feature, port);
        String metrics = "http://" + BIND_ADDRESS + ":" + port + "/metrics";
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        assertEquals(200, awaitAnswer(client, metrics).statusCode());
        assertFalse("the monitor and deployer threads run", weftThreads().isEmpty());
        // A running node, as an operator stops its bundles: every component up, the database connected. Derby's
        // own activator fails its stop with a NullPointerException while the engine is still booting.
        String health = "http://" + BIND_ADDRESS + ":" + port + "/health";
        long healthy = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        while (get(client, health).statusCode() != 200 && System.nanoTime() < healthy) {
            Thread.sleep(200);
        }
        assertEquals("GET /health before the stop: " + get(client, health).body(), 200, get(client, health).statusCode());

        List<Bundle> weft = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName() != null && b.getSymbolicName().startsWith("io.weft.")) {
                weft.add(b);
            }
        }
        for (Bundle b : weft) {
            b.stop();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!weftThreads().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue("threads left by stopped Weft bundles: " + weftThreads(), weftThreads().isEmpty());
        assertEquals("no /metrics once the monitor is stopped", 404, get(client, metrics).statusCode());

        for (Bundle b : weft) {
            b.start();
        }
        assertEquals(200, awaitAnswer(client, metrics).statusCode());
    }

    /**
     * Stopping io.weft.lib.sofa, as a refresh of it does (the bundles wired to it first), leaves none of the
     * threads Bolt and JRaft start (decision record 0015): the registry roles ran Bolt servers and clients and a
     * JRaft node, so their static executors and per-server threads existed.
     */
    @Test
    public void stoppingLibSofaLeavesNoBoltOrJraftThread() throws Exception {
        // Only threads started from now on count: this JVM also holds the threads of earlier tests' frameworks and
        // clients (their own copies of Bolt). The registry roles start with the configurations applied below, so
        // every thread of theirs comes after (the first wait fails if that ever changes).
        long floor = Thread.getAllStackTraces().keySet().stream().mapToLong(Thread::getId).max().orElse(0);
        StandaloneFeature feature = StandaloneFeature.read(Path.of(context.getProperty(DIST_PROPERTY)));
        applyConfigurations(feature, Integer.parseInt(context.getProperty(PORT_PROPERTY)));
        awaitTrue("Bolt and JRaft threads run: " + sofaThreads(floor), () -> {
            List<String> threads = sofaThreads(floor);
            return threads.stream().anyMatch(t -> t.startsWith("JRaft"))
                    && threads.stream().anyMatch(t -> t.startsWith("Rpc-netty-server-worker"))
                    && threads.stream().anyMatch(t -> t.startsWith("bolt-netty-client-worker"));
        });
        // An operator's read of the push switch goes through JRaft's ReadIndex, whose timeout timer is one more
        // static thread ("read-index.timeout.scanner").
        Object metaPort = configurationAdmin.getFactoryConfiguration("org.apache.felix.http", "registry-meta", "?")
                .getProperties().get(HTTP_PORT);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String pushSwitch = "http://" + BIND_ADDRESS + ":" + metaPort + "/digest/pushSwitch";
        // 503 (and "consistent":false) until the one-member group has elected itself.
        awaitTrue("GET /digest/pushSwitch answers 200", () -> {
            try {
                return get(client, pushSwitch).statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        awaitTrue("the ReadIndex timer runs: " + sofaThreads(floor),
                () -> sofaThreads(floor).stream().anyMatch(t -> t.startsWith("read-index.timeout.scanner")));
        List<String> before = sofaThreads(floor);

        Bundle libSofa = null;
        for (Bundle b : context.getBundles()) {
            if ("io.weft.lib.sofa".equals(b.getSymbolicName())) {
                libSofa = b;
            }
        }
        assertNotNull("io.weft.lib.sofa installed", libSofa);
        // The bundles that depend on it, stopped first as a refresh stops them (newest first, as their order).
        org.osgi.framework.wiring.FrameworkWiring wiring =
                context.getBundle(0).adapt(org.osgi.framework.wiring.FrameworkWiring.class);
        List<Bundle> users = new ArrayList<>(wiring.getDependencyClosure(List.of(libSofa)));
        users.remove(libSofa);
        users.remove(context.getBundle());
        users.sort((a, b) -> Long.compare(b.getBundleId(), a.getBundleId()));
        List<Bundle> stopped = new ArrayList<>();
        for (Bundle b : users) {
            if (b.getBundleId() != 0 && (b.getState() & (Bundle.ACTIVE | Bundle.STARTING)) != 0) {
                b.stop();
                stopped.add(b);
            }
        }
        libSofa.stop();

        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!sofaThreads(floor).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue("threads left once io.weft.lib.sofa and its users stopped (before the stop: " + before + "): "
                + sofaThreads(floor), sofaThreads(floor).isEmpty());

        // Started again without a refresh: the old class loader's executors are gone for good, so the bundle
        // refreshes itself (a new class loader, new executors), and its users work again once started.
        libSofa.start();
        for (Bundle b : stopped) {
            b.start();
        }
        awaitTrue("after the restart, the registry roles run Bolt and JRaft again: " + sofaThreads(floor), () -> {
            List<String> threads = sofaThreads(floor);
            return threads.stream().anyMatch(t -> t.startsWith("JRaft"))
                    && threads.stream().anyMatch(t -> t.startsWith("Rpc-netty-server-worker"))
                    && threads.stream().anyMatch(t -> t.startsWith("bolt-netty-client-worker"));
        });
        for (Bundle b : stopped) {
            assertEquals(b.getSymbolicName() + " active again", Bundle.ACTIVE, b.getState());
        }
    }

    /**
     * Threads that Bolt, JRaft or their Netty groups started after the thread id {@code idFloor}: by the names
     * their thread factories give, or by a frame of their code.
     */
    private static List<String> sofaThreads(long idFloor) {
        List<String> prefixes = List.of("Rpc-netty-server-", "bolt-netty-client-worker", "Bolt-", "DefaultTimer",
                "JRaft", "Append-Entries-Thread-Send", "read-index.timeout.scanner", "ReadOnlyService",
                "Disruptor-", "RpcTaskScannerThread", "ConnectionMonitorThread");
        List<String> names = new ArrayList<>();
        Thread.getAllStackTraces().forEach((t, frames) -> {
            if (!t.isAlive() || t.getId() <= idFloor) {
                return;
            }
            boolean named = prefixes.stream().anyMatch(t.getName()::startsWith);
            boolean running = Arrays.stream(frames).anyMatch(f -> f.getClassName().startsWith("com.alipay."));
            if (named || running) {
                names.add(t.getName());
            }
        });
        names.sort(null);
        return names;
    }

    /**
     * The shared services other bundles build on, used the way they will use them inside the runtime:
     * the node database (a bundle's own migrations, then SQL), OSP's instance directory, and the ops
     * guard (CON-20, CON-23, OPS-4: loopback ops calls open by default, others must log in).
     */
    @Test
    public void theSharedServicesWorkInsideTheRuntime_databaseMigrations_ospDirectory_opsGuard() throws Exception {
        StandaloneFeature feature = StandaloneFeature.read(Path.of(context.getProperty(DIST_PROPERTY)));
        applyConfigurations(feature, Integer.parseInt(context.getProperty(PORT_PROPERTY)));

        io.weft.api.store.Database database = awaitService(io.weft.api.store.Database.class, "(weft.database=weft)");
        assertEquals(1, database.migrate("paxexam", getClass().getClassLoader(), "db/migration/paxexam"));
        assertEquals("a second migrate applies nothing", 0,
                database.migrate("paxexam", getClass().getClassLoader(), "db/migration/paxexam"));
        try (java.sql.Connection c = database.dataSource().getConnection();
             java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT label FROM paxexam_probe WHERE id = 1")) {
            assertTrue(rs.next());
            assertEquals("migrated in Felix", rs.getString(1));
        }
        try {
            database.migrate("bad owner; DROP TABLE x", getClass().getClassLoader(), "db/migration/paxexam");
            fail("a SQL-looking owner must be refused");
        } catch (IllegalArgumentException expected) {
            // refused before anything ran
        }

        io.weft.api.osp.InstanceDirectory directory = awaitService(io.weft.api.osp.InstanceDirectory.class, null);
        io.weft.api.osp.Instance standalone = directory.instance("default").orElseThrow(
                () -> new AssertionError("no instance 'default': " + directory.instances()));
        for (String product : List.of("SOFAREGISTRY", "DRM", "SCHEDULER", "SOFAKAFKA")) {
            assertTrue(product + " enabled for default", standalone.isEnabled(product));
        }

        io.weft.api.auth.AccessGuard guard = awaitService(io.weft.api.auth.AccessGuard.class, null);
        String permission = io.weft.api.auth.Permissions.REGISTRY_PUSH_SWITCH_WRITE;
        assertTrue("loopback ops call", guard.checkOps("127.0.0.1", null, permission).allowed());
        io.weft.api.auth.Decision remote = guard.checkOps("10.1.2.3", null, permission);
        assertFalse("remote ops call without login", remote.allowed());
        assertEquals(401, remote.httpStatus());
    }

    /**
     * DRM inside the runtime: the drm-client bundle, installed beside the roles as an application's bundle
     * would be, registers with the node's drmdata; a push through the DrmAdmin service reaches it; and
     * stopping the client bundle leaves none of its threads behind (DRM-6, DRM-7, issue #5 item 3).
     */
    @Test
    public void theDrmClientBundleGetsAPushFromDrmdataInsideTheRuntime() throws Exception {
        StandaloneFeature feature = StandaloneFeature.read(Path.of(context.getProperty(DIST_PROPERTY)));
        applyConfigurations(feature, Integer.parseInt(context.getProperty(PORT_PROPERTY)));
        io.weft.api.drm.DrmAdmin admin = awaitService(io.weft.api.drm.DrmAdmin.class, null);
        Object clientPort = configurationAdmin.getConfiguration("io.weft.drm.server", "?").getProperties().get("clientPort");
        Bundle clientBundle = context.getBundle(context.getProperty(DRM_CLIENT_PROPERTY));
        assertNotNull("drm-client installed", clientBundle);
        assertEquals(Bundle.ACTIVE, clientBundle.getState());

        Path work = Files.createTempDirectory("paxexam-drm-client-");
        java.util.concurrent.BlockingQueue<String> seen = new java.util.concurrent.LinkedBlockingQueue<>();
        io.weft.drm.client.DrmClient client = io.weft.drm.client.DrmClient.builder()
                .instanceId("default").appName("paxexam").servers("127.0.0.1:" + clientPort)
                .cacheDir(work.resolve("cache")).logDir(work.resolve("logs")).build();
        try {
            io.weft.drm.client.DrmRegistration registration = client.register("io.weft.itest.PaxExam",
                    java.util.Set.of("mode"), change -> seen.add(change.newValue() + "@" + change.version()));
            client.start();
            String key = "io.weft.itest.PaxExam:mode";
            awaitTrue("the client's registration declares " + key, () -> admin.attribute("default", key).isPresent());
            io.weft.api.drm.PushResult pushed = admin.push("default", key, "GEOHASH", "paxexam");
            assertTrue("announced to this node's drmdata: " + pushed, pushed.announced());
            awaitTrue("the client holds GEOHASH, saw " + seen, () -> "GEOHASH".equals(registration.value("mode")));
            assertEquals(pushed.version(), registration.version("mode"));
        } finally {
            client.close();
        }
        clientBundle.stop();
        awaitTrue("no drm client thread after stop: " + drmClientThreads(), () -> drmClientThreads().isEmpty());
        clientBundle.start();
    }

    /** The client's threads (drmdata's are weft-drm-io/-worker/-timer/-relay/-admin and keep running). */
    private static List<String> drmClientThreads() {
        return weftThreads().stream().filter(n -> n.startsWith("weft-drm-client-io") || n.startsWith("weft-drm-pull")
                || n.startsWith("weft-drm-http") || n.startsWith("weft-drm-callback")).toList();
    }

    /** The drm-client jar the reactor built (the itest runs in itest/). */
    private static Path drmClientJar() throws IOException {
        Path target = Path.of("../bundles/drm-client/target").toAbsolutePath().normalize();
        try (java.util.stream.Stream<Path> jars = Files.list(target)) {
            return jars.filter(p -> p.getFileName().toString().matches("drm-client-[0-9][^-]*(-SNAPSHOT)?\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no drm-client jar in " + target
                            + ": build bundles/drm-client first"));
        }
    }

    private static void awaitTrue(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail(what);
            }
            Thread.sleep(100);
        }
    }

    private <T> T awaitService(Class<T> type, String filter) throws Exception {
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        while (true) {
            java.util.Collection<org.osgi.framework.ServiceReference<T>> refs = context.getServiceReferences(type, filter);
            if (!refs.isEmpty()) {
                return context.getService(refs.iterator().next());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + type.getSimpleName() + " service " + (filter == null ? "" : filter)
                        + " within " + SETTLE_TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(100);
        }
    }

    private static List<String> weftThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("weft-"))
                .map(Thread::getName).sorted().toList();
    }

    /** (a) Every bundle of the feature installed from its jar, at its start level, ACTIVE (fragments RESOLVED). */
    private void assertEveryFeatureBundleActive(StandaloneFeature feature) {
        List<String> problems = new ArrayList<>();
        for (StandaloneFeature.Bundle fb : feature.bundles()) {
            Bundle b = context.getBundle(fb.location());
            if (b == null) {
                problems.add(fb.id() + " (feature " + fb.feature() + ") is not installed");
                continue;
            }
            int expected = fb.fragment() ? Bundle.RESOLVED : Bundle.ACTIVE;
            if (b.getState() != expected) {
                problems.add(fb.id() + " is " + stateName(b.getState()) + ", expected " + stateName(expected));
            }
            int level = b.adapt(BundleStartLevel.class).getStartLevel();
            if (level != fb.startOrder()) {
                problems.add(fb.id() + " runs at start level " + level + ", its start-order is " + fb.startOrder());
            }
        }
        assertTrue("feature bundles (" + feature.features() + "):\n  " + String.join("\n  ", problems),
                problems.isEmpty());
        assertFalse("the features name no bundle", feature.bundles().isEmpty());
        assertTrue("no io.weft bundle in the features",
                feature.bundles().stream().anyMatch(b -> b.groupId().equals("io.weft")));
    }

    /** As in a node: one slf4j API, the class path's, exported by the system bundle alone. */
    private void assertSlf4jOnlyFromSystemBundle() {
        List<String> others = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (b.getBundleId() == 0) {
                continue;
            }
            BundleRevision revision = b.adapt(BundleRevision.class);
            if (revision == null) {
                continue;
            }
            for (BundleCapability c : revision.getDeclaredCapabilities(BundleRevision.PACKAGE_NAMESPACE)) {
                Object pkg = c.getAttributes().get(BundleRevision.PACKAGE_NAMESPACE);
                if (pkg != null && pkg.toString().startsWith("org.slf4j")) {
                    others.add(b.getSymbolicName() + " exports " + pkg);
                }
            }
        }
        assertTrue("a second slf4j API in the framework: " + others, others.isEmpty());
    }

    /**
     * The features' configurations as the launcher seeds them (string values, placeholders such as
     * {@code ${weft.bind.address}} resolved from framework properties as FileInstall does), with
     * HTTP on the free port chosen for this run.
     */
    private void applyConfigurations(StandaloneFeature feature, int port) throws IOException {
        Map<String, Map<String, String>> configurations = feature.configurations();
        Map<String, String> http = configurations.get(HTTP_PID);
        assertNotNull("the features configure no " + HTTP_PID, http);
        http.put(HTTP_PORT, Integer.toString(port));
        // Every other HTTP instance of the features (ACVIP's 9003, …) on a free port too.
        for (Map.Entry<String, Map<String, String>> instance : configurations.entrySet()) {
            if (instance.getKey().startsWith(HTTP_PID + "~")) {
                instance.getValue().put(HTTP_PORT, Integer.toString(freeLoopbackPort()));
            }
        }
        // drmdata's TCP ports too, and the pull URL it hands clients follows its HTTP instance.
        Map<String, String> drm = configurations.get("io.weft.drm.server");
        if (drm != null) {
            drm.put("clientPort", Integer.toString(freeLoopbackPort()));
            drm.put("syncPort", Integer.toString(freeLoopbackPort()));
            drm.put("pullBaseUrl", "http://" + BIND_ADDRESS + ":"
                    + configurations.get(HTTP_PID + "~drm").get(HTTP_PORT));
        }
        // The registry meta server's raft and cluster ports (9612, 9610, 9611); its raft data goes under weft.home.
        Map<String, String> meta = configurations.get("io.weft.registry.meta");
        if (meta != null) {
            meta.put("raftPort", Integer.toString(freeLoopbackPort()));
            meta.put("sessionPort", Integer.toString(freeLoopbackPort()));
            meta.put("dataPort", Integer.toString(freeLoopbackPort()));
            // A raft directory of its own: the tests of this class may share the node home, and a member whose
            // stored group names another raft port (an earlier test's) waits for a leader that never comes.
            meta.put("dataDir", "data/registry/meta-" + meta.get("raftPort"));
        }
        // The registry data server's ports (9620, 9621: the peers' replication port next to the session one) and
        // the meta it heartbeats to.
        Map<String, String> data = configurations.get("io.weft.registry.data");
        if (data != null) {
            int dataPorts = io.weft.itest.support.TestPorts.nextPair();
            data.put("sessionPort", Integer.toString(dataPorts));
            data.put("replicationPort", Integer.toString(dataPorts + 1));
            data.put("metaServers", BIND_ADDRESS + ":" + meta.get("dataPort"));
        }
        // The registry session server's client port (9600) and the meta it heartbeats to.
        Map<String, String> session = configurations.get("io.weft.registry.session");
        if (session != null) {
            session.put("port", Integer.toString(freeLoopbackPort()));
            if (meta != null) {
                session.put("metaServers", BIND_ADDRESS + ":" + meta.get("sessionPort"));
            }
        }
        for (Map.Entry<String, Map<String, String>> entry : configurations.entrySet()) {
            Dictionary<String, Object> properties = new Hashtable<>();
            for (Map.Entry<String, String> value : entry.getValue().entrySet()) {
                properties.put(value.getKey(), resolvePlaceholders(entry.getKey(), value.getKey(), value.getValue()));
            }
            String pid = entry.getKey();
            int tilde = pid.indexOf('~');
            Configuration configuration = tilde < 0
                    ? configurationAdmin.getConfiguration(pid, "?")
                    : configurationAdmin.getFactoryConfiguration(pid.substring(0, tilde), pid.substring(tilde + 1), "?");
            configuration.update(properties);
        }
        assertEquals("HTTP must listen on loopback only", BIND_ADDRESS,
                configurationAdmin.getConfiguration(HTTP_PID, "?").getProperties().get(HTTP_HOST));
    }

    private String resolvePlaceholders(String pid, String key, String value) {
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String resolved = context.getProperty(m.group(1));
            if (resolved == null) {
                fail(pid + " " + key + "=" + value + ": no framework property " + m.group(1));
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(resolved));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** (b) Problems with the DS components of io.weft.* bundles; empty when all are ACTIVE or SATISFIED. */
    private List<String> weftComponentProblems() {
        List<String> problems = new ArrayList<>();
        int components = 0;
        for (Bundle b : context.getBundles()) {
            String bsn = b.getSymbolicName();
            if (bsn == null || !bsn.startsWith("io.weft.")) {
                continue;
            }
            Collection<ComponentDescriptionDTO> descriptions = scr.getComponentDescriptionDTOs(b);
            if (b.getHeaders().get("Service-Component") != null && descriptions.isEmpty()) {
                problems.add(bsn + " declares DS components, but SCR knows none of them");
            }
            for (ComponentDescriptionDTO d : descriptions) {
                components++;
                if (!scr.isComponentEnabled(d)) {
                    problems.add(bsn + " " + d.name + " is disabled");
                    continue;
                }
                Collection<ComponentConfigurationDTO> configurations = scr.getComponentConfigurationDTOs(d);
                if (configurations.isEmpty() && !"require".equals(d.configurationPolicy)) {
                    // A component that requires a configuration and has none is off on purpose on this node.
                    problems.add(bsn + " " + d.name + " has no configuration (policy " + d.configurationPolicy + ")");
                }
                for (ComponentConfigurationDTO c : configurations) {
                    if (c.state != ComponentConfigurationDTO.ACTIVE && c.state != ComponentConfigurationDTO.SATISFIED) {
                        problems.add(bsn + " " + d.name + " is " + componentStateName(d, c));
                    }
                }
            }
        }
        if (components == 0) {
            problems.add("no DS component in any io.weft bundle");
        }
        return problems;
    }

    /** (c) /metrics in Prometheus text with the node's and the JVM's metrics; /health UP or DEGRADED. */
    private void assertMetricsAndHealth(String base) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpResponse<String> metrics = awaitAnswer(client, base + "/metrics");
        assertEquals("GET /metrics: " + metrics.body(), 200, metrics.statusCode());
        String contentType = metrics.headers().firstValue("Content-Type").orElse("");
        assertTrue("/metrics Content-Type " + contentType, contentType.startsWith("text/plain"));
        for (String name : List.of("weft_system_load5", "jvm_memory_bytes_used")) {
            assertTrue(name + " has no sample in /metrics:\n" + metrics.body(),
                    Pattern.compile("(?m)^" + name + "[ {]").matcher(metrics.body()).find());
        }

        HttpResponse<String> health = get(client, base + "/health");
        assertEquals("GET /health: " + health.body(), 200, health.statusCode());
        JsonNode body = new ObjectMapper().readTree(health.body());
        String status = body.path("status").asText();
        assertTrue("/health status " + status + ": " + health.body(), status.equals("UP") || status.equals("DEGRADED"));
    }

    /** Polls until Jetty, configured a moment ago, answers; the last response, or a failure. */
    private static HttpResponse<String> awaitAnswer(HttpClient client, String url) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = get(client, url);
                if (response.statusCode() != 404) { // 404: Jetty up, the servlet not yet registered
                    return response;
                }
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no answer from " + url + " within " + SETTLE_TIMEOUT.toSeconds() + " s", last);
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Polls a check until it reports no problem or time is up; the last problems. */
    private static List<String> awaitNoProblems(Supplier<List<String>> check) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        List<String> problems = check.get();
        while (!problems.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            problems = check.get();
        }
        return problems;
    }

    private static String componentStateName(ComponentDescriptionDTO d, ComponentConfigurationDTO c) {
        String name = switch (c.state) {
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> "UNSATISFIED_CONFIGURATION";
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> "UNSATISFIED_REFERENCE";
            case ComponentConfigurationDTO.FAILED_ACTIVATION -> "FAILED_ACTIVATION: " + c.failure;
            default -> "state " + c.state;
        };
        StringBuilder sb = new StringBuilder(name);
        for (UnsatisfiedReferenceDTO r : c.unsatisfiedReferences == null ? new UnsatisfiedReferenceDTO[0] : c.unsatisfiedReferences) {
            String service = Arrays.stream(d.references).filter(ref -> ref.name.equals(r.name))
                    .map(ref -> " " + ref.interfaceName).findFirst().orElse("");
            sb.append(" [reference ").append(r.name).append(service).append(r.target != null ? " " + r.target : "").append(']');
        }
        return sb.toString();
    }

    private static String stateName(int state) {
        return switch (state) {
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            case Bundle.INSTALLED -> "INSTALLED (not resolved)";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "state " + state;
        };
    }

    private static int freeLoopbackPort() throws IOException {
        return io.weft.itest.support.TestPorts.next();
    }
}
