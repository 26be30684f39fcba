package io.weft.lib.sofa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.FrameworkWiring;

import aQute.bnd.osgi.Builder;
import aQute.bnd.osgi.Jar;

/**
 * Boots Felix 7 the way the platform does (same system packages, no implicit boot delegation),
 * installs io.weft.lib.sofa with the bundles it imports, and drives JRaft and Bolt from a separate
 * fixture bundle, as a Weft server bundle would. Runs after {@code package} (failsafe): it needs the
 * built bundle jar and the imported bundles copied to {@code target/it-bundles}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SofaWrapperInFelixIT {

    /** As platform's FrameworkRunner.SYSTEM_PACKAGES. */
    private static final List<String> SYSTEM_PACKAGES = List.of(
            "org.slf4j;version=2.0.17", "org.slf4j.event;version=2.0.17", "org.slf4j.helpers;version=2.0.17",
            "org.slf4j.spi;version=2.0.17",
            "org.slf4j;version=1.7.36", "org.slf4j.event;version=1.7.36", "org.slf4j.helpers;version=1.7.36",
            "org.slf4j.spi;version=1.7.36",
            "com.sun.management", "sun.misc", "sun.nio.ch");

    private static final String FIXTURE_PACKAGE = "io.weft.lib.sofa.fixture";
    // Upper bound for threads to finish after the framework stopped; the assertion is on what is left.
    private static final long THREAD_EXIT_BOUND_MILLIS = 30_000;

    private final Path target = Path.of(System.getProperty("project.build.directory", "target"));
    private final Path work = target.resolve("felix-it");
    private Set<Thread> threadsBefore;
    private Framework framework;
    private Bundle wrapper;
    private Bundle fixture;
    private int raftPort;

    @BeforeAll
    void startFramework() throws Exception {
        threadsBefore = Thread.getAllStackTraces().keySet();
        deleteRecursively(work);
        Files.createDirectories(work);

        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, work.resolve("cache").toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, String.join(",", SYSTEM_PACKAGES));
        config.put("felix.bootdelegation.implicit", "false");
        framework = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow().newFramework(config);
        framework.start();
        BundleContext context = framework.getBundleContext();

        List<Bundle> installed = new ArrayList<>();
        try (Stream<Path> jars = Files.list(target.resolve("it-bundles"))) {
            for (Path jar : jars.sorted().toList()) {
                installed.add(context.installBundle(jar.toUri().toString()));
            }
        }
        wrapper = context.installBundle(wrapperJar().toUri().toString());
        installed.add(wrapper);
        fixture = context.installBundle(buildFixtureBundle().toUri().toString());
        installed.add(fixture);
        for (Bundle b : installed) {
            b.start();
        }
    }

    @AfterAll
    void stopFramework() throws Exception {
        if (framework != null) {
            framework.stop();
            framework.waitForStop(60_000);
        }
    }

    @Test
    @Order(1)
    @DisplayName("the wrapper and every bundle it imports from resolve and are ACTIVE")
    void everyBundleActive() {
        assertEquals("io.weft.lib.sofa", wrapper.getSymbolicName());
        List<String> inactive = Stream.of(framework.getBundleContext().getBundles())
                .filter(b -> b.getState() != Bundle.ACTIVE)
                .map(b -> b.getSymbolicName() + " " + b.getVersion() + " state " + b.getState())
                .toList();
        assertEquals(List.of(), inactive);
    }

    @Test
    @Order(2)
    @DisplayName("a one-node JRaft group elects itself, applies an entry (RocksDB log) and shuts down")
    void raftGroupAppliesEntry() throws Exception {
        Object probe = fixture.loadClass(FIXTURE_PACKAGE + ".RaftProbe").getConstructor().newInstance();
        Method applyOne = probe.getClass().getMethod("applyOne", String.class, int.class, String.class);
        Path data = work.resolve("raft");
        raftPort = freePort();
        Object applied = invoke(applyOne, probe, data.toString(), raftPort, "weft-entry-1");
        assertEquals(List.of("weft-entry-1"), applied);
        assertTrue(Files.isDirectory(data.resolve("log")), "RocksDB log folder");
    }

    @Test
    @Order(3)
    @DisplayName("a Bolt client and server round-trip a Hessian request of a type from another bundle")
    void boltHessianRoundTrip() throws Exception {
        Object probe = fixture.loadClass(FIXTURE_PACKAGE + ".BoltProbe").getConstructor().newInstance();
        Method roundTrip = probe.getClass().getMethod("roundTrip", int.class, String.class, int.class);
        assertEquals("abab (served)", invoke(roundTrip, probe, freePort(), "ab", 2));
    }

    @Test
    @Order(4)
    @DisplayName("a processor's exception reaches the Bolt client as the server threw it (Hessian, java.lang opened)")
    void boltCarriesServerException() throws Exception {
        Object probe = fixture.loadClass(FIXTURE_PACKAGE + ".BoltProbe").getConstructor().newInstance();
        Method roundTrip = probe.getClass().getMethod("roundTrip", int.class, String.class, int.class);
        String failure = (String) invoke(roundTrip, probe, freePort(), "ab", -1);
        // Bolt wraps the processor's exception in its RpcServerException, written with Hessian.
        assertTrue(failure.startsWith("InvokeServerException caused by com.alipay.remoting.rpc.exception.RpcServerException"),
                failure);
        assertTrue(failure.contains("java.lang.IllegalArgumentException: times must not be negative: -1"), failure);
    }

    @Test
    @Order(5)
    @DisplayName("classes come from the wrapper: JRaft's ServiceLoader finds its factories and one protobuf")
    void classesComeFromWrapper() throws Exception {
        Class<?> node = wrapper.loadClass("com.alipay.sofa.jraft.core.NodeImpl");
        Class<?> protobuf = wrapper.loadClass("com.google.protobuf.Message");
        Class<?> zeroCopy = wrapper.loadClass("com.google.protobuf.ZeroByteStringHelper");
        assertTrue(node.getClassLoader() == protobuf.getClassLoader()
                && protobuf.getClassLoader() == zeroCopy.getClassLoader(), "one class space");
        Class<?> factory = wrapper.loadClass("com.alipay.sofa.jraft.util.RpcFactoryHelper");
        Object rpcFactory = factory.getMethod("rpcFactory").invoke(null);
        assertNotNull(rpcFactory);
        assertEquals("com.alipay.sofa.jraft.rpc.impl.BoltRaftRpcFactory", rpcFactory.getClass().getName());
    }

    @Test
    @Order(6)
    @DisplayName("after the wrapper is updated and refreshed (a hot upgrade), JRaft and Bolt run from the new class space")
    void worksAfterRefresh() throws Exception {
        ClassLoader before = wrapper.loadClass("com.alipay.sofa.jraft.core.NodeImpl").getClassLoader();
        wrapper.update();
        CountDownLatch refreshed = new CountDownLatch(1);
        framework.adapt(FrameworkWiring.class).refreshBundles(List.of(wrapper), event -> refreshed.countDown());
        assertTrue(refreshed.await(60, TimeUnit.SECONDS), "refresh finished");
        assertEquals(Bundle.ACTIVE, wrapper.getState());
        assertEquals(Bundle.ACTIVE, fixture.getState(), "the dependent fixture bundle was restarted");
        assertNotSame(before, wrapper.loadClass("com.alipay.sofa.jraft.core.NodeImpl").getClassLoader());

        Object raft = fixture.loadClass(FIXTURE_PACKAGE + ".RaftProbe").getConstructor().newInstance();
        Method applyOne = raft.getClass().getMethod("applyOne", String.class, int.class, String.class);
        // Same data folder and peer address: the new class space replays the log the old one wrote
        // (RocksDB reopened), then applies on top.
        assertEquals(List.of("weft-entry-1", "weft-entry-2"),
                invoke(applyOne, raft, work.resolve("raft").toString(), raftPort, "weft-entry-2"));
        Object bolt = fixture.loadClass(FIXTURE_PACKAGE + ".BoltProbe").getConstructor().newInstance();
        Method roundTrip = bolt.getClass().getMethod("roundTrip", int.class, String.class, int.class);
        assertEquals("xyz (served)", invoke(roundTrip, bolt, freePort(), "xyz", 1));
    }

    @Test
    @Order(7)
    @DisplayName("stopping the framework leaves no non-daemon thread behind")
    void noThreadLeftAfterStop() throws Exception {
        framework.stop();
        FrameworkEvent event = framework.waitForStop(60_000);
        assertEquals(FrameworkEvent.STOPPED, event.getType());
        framework = null;
        long deadline = System.currentTimeMillis() + THREAD_EXIT_BOUND_MILLIS;
        List<String> left = leftThreads();
        while (!left.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            left = leftThreads();
        }
        assertEquals(List.of(), left, "non-daemon threads started by the bundles and still alive");
        // Daemon threads are allowed to outlive the framework, but say which: each pins a class loader.
        System.out.println("daemon threads left after stop: " + Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !threadsBefore.contains(t) && t.isAlive() && t.isDaemon())
                .map(Thread::getName).sorted().toList());
    }

    private List<String> leftThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !threadsBefore.contains(t) && t.isAlive() && !t.isDaemon())
                .map(Thread::getName)
                .sorted()
                .collect(Collectors.toList());
    }

    private static Object invoke(Method method, Object target, Object... args) throws Exception {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    private Path wrapperJar() throws IOException {
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().matches("lib-sofa-.*\\.jar"))
                    .filter(p -> !p.getFileName().toString().contains("sources"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("run after package: no target/lib-sofa-*.jar"));
        }
    }

    /** Packs the fixture classes into a bundle whose imports bnd computes against the wrapper jar. */
    private Path buildFixtureBundle() throws Exception {
        Path out = work.resolve("fixture.jar");
        try (Builder builder = new Builder()) {
            builder.setProperty(Constants.BUNDLE_SYMBOLICNAME, "io.weft.lib.sofa.fixture");
            builder.setProperty(Constants.BUNDLE_VERSION, "1.0.0");
            builder.setProperty("-privatepackage", FIXTURE_PACKAGE);
            builder.setProperty(Constants.IMPORT_PACKAGE, "*");
            builder.addClasspath(target.resolve("test-classes").toFile());
            builder.addClasspath(wrapperJar().toFile());
            Jar jar = builder.build();
            assertTrue(builder.getErrors().isEmpty(), "fixture bundle: " + builder.getErrors());
            jar.write(out.toFile());
        }
        return out;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
