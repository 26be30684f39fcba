package io.weft.itest.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.weft.itest.support.DeployJars.bump;
import static io.weft.itest.support.DeployJars.drop;
import static io.weft.itest.support.DeployJars.systemJar;
import static io.weft.itest.support.DeployJars.withVersion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.weft.itest.support.ConsoleBundles;
import io.weft.itest.support.WeftNode;

/**
 * Upgrade without restart: a newer monitor bundle dropped into deploy/ replaces the running one
 * while the node keeps answering; a broken one changes nothing.
 */
class HotUpgradeTest {

    private static final String MONITOR = "io.weft.monitor";

    @Test
    @DisplayName("a newer monitor dropped into deploy/ replaces v1 while the node keeps answering, and survives a restart")
    void newerVersionReplacesRunningBundle() throws Exception {
        try (WeftNode node = WeftNode.create("hot-upgrade").start()) {
            long pid = node.pid().orElseThrow();
            String v1 = ConsoleBundles.find(node.http(), MONITOR).version();
            Path v2 = withVersion(monitorJar(node), bump(v1), null, node.home().resolve("monitor-v2.jar"));

            AtomicInteger consoleFailures = new AtomicInteger();
            AtomicInteger polls = new AtomicInteger();
            AtomicBoolean polling = new AtomicBoolean(true);
            Thread poller = new Thread(() -> {
                while (polling.get()) {
                    if (!node.http().getAsAdmin("/system/console/bundles.json").ok()) {
                        consoleFailures.incrementAndGet();
                    }
                    polls.incrementAndGet();
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "upgrade-poller");
            poller.start();
            int pollsBeforeDrop;
            try {
                // The console is polled without a break from before the drop until after the upgrade: every poll
                // in between must succeed, however long the upgrade takes.
                assertTrue(WeftNode.await(Duration.ofSeconds(30), () -> polls.get() >= 1), "the poller runs");
                pollsBeforeDrop = polls.get();
                drop(v2, node.home().resolve("deploy/monitor.jar"));
                assertTrue(WeftNode.await(Duration.ofSeconds(60), () -> {
                    ConsoleBundles.Entry e = ConsoleBundles.find(node.http(), MONITOR);
                    return e.version().equals(bump(v1)) && e.state().equals("Active");
                }), "monitor " + bump(v1) + " should be active: " + ConsoleBundles.find(node.http(), MONITOR)
                        + "\n" + node.log("deploy/deploy.log"));
                assertTrue(WeftNode.await(Duration.ofSeconds(30), () -> node.http().get("/metrics").ok()));
                assertTrue(WeftNode.await(Duration.ofSeconds(30), () -> node.http().get("/health").ok()));
                int pollsUpgraded = polls.get();
                assertTrue(WeftNode.await(Duration.ofSeconds(30), () -> polls.get() >= pollsUpgraded + 2),
                        "polled after the upgrade too");
            } finally {
                polling.set(false);
                poller.join();
            }
            assertEquals(0, consoleFailures.get(), "the console failed " + consoleFailures + " of " + polls + " polls");
            assertTrue(polls.get() >= pollsBeforeDrop + 2, "polled across the upgrade: " + polls);
            assertEquals(pid, node.pid().orElseThrow(), "same process");
            assertTrue(node.log("deploy/deploy.log").contains("replaced"), node.log("deploy/deploy.log"));

            assertEquals(0, node.weft("stop").exitStatus());
            assertEquals(0, node.weft("start").exitStatus());
            assertTrue(WeftNode.await(Duration.ofSeconds(30),
                    () -> ConsoleBundles.find(node.http(), MONITOR).version().equals(bump(v1))),
                    "deploy/ is re-applied at start: " + ConsoleBundles.find(node.http(), MONITOR));
        }
    }

    @Test
    @DisplayName("a broken jar and a bundle that cannot resolve, dropped into deploy/, leave the running monitor serving")
    void brokenBundleChangesNothing() throws Exception {
        try (WeftNode node = WeftNode.create("broken-deploy").start()) {
            String v1 = ConsoleBundles.find(node.http(), MONITOR).version();
            Files.write(node.home().resolve("deploy/garbage.jar"), new byte[] {1, 2, 3, 4});
            Path unresolvable = withVersion(monitorJar(node), bump(v1), "io.weft.no.such.pkg",
                    node.home().resolve("monitor-unresolvable.jar"));
            drop(unresolvable, node.home().resolve("deploy/monitor.jar"));

            assertTrue(WeftNode.await(Duration.ofSeconds(60), () -> node.log("deploy/deploy.log").contains("going back")),
                    node.log("deploy/deploy.log"));
            assertTrue(node.log("deploy/deploy.log").contains("garbage.jar is not a readable jar"), node.log("deploy/deploy.log"));
            assertTrue(WeftNode.await(Duration.ofSeconds(30), () -> {
                ConsoleBundles.Entry e = ConsoleBundles.find(node.http(), MONITOR);
                return e.version().equals(v1) && e.state().equals("Active");
            }), "monitor back on " + v1 + ": " + ConsoleBundles.find(node.http(), MONITOR));
            assertTrue(WeftNode.await(Duration.ofSeconds(30), () -> node.http().get("/metrics").ok()));
            assertTrue(node.log("common-error.log").contains("deploy/monitor.jar"), node.log("common-error.log"));
        }
    }

    private static Path monitorJar(WeftNode node) throws IOException {
        return systemJar(node, "io/weft/monitor");
    }
}
