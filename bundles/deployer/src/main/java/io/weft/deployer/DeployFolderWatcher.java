package io.weft.deployer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's hot-deploy folder ({@code deploy/}).
 *
 * <ul>
 * <li>A jar whose bundle is not installed is installed and started.</li>
 * <li>A jar with a newer version of an installed bundle replaces it in place ({@code Bundle.update}),
 *     then the bundles wired to it are refreshed: the role keeps running and its clients reconnect.</li>
 * <li>If the new version fails to resolve or start, the bundle is put back to the version it was
 *     installed from and the failure is logged; a broken jar never leaves a role down.</li>
 * <li>Removing the jar undoes it: a bundle it installed is uninstalled, a bundle it upgraded goes
 *     back to the version it was installed from.</li>
 * </ul>
 * The folder is re-applied at every start, so an upgrade survives restarts while its jar stays in
 * {@code deploy/}. All work happens on one thread, {@code weft-deployer}.
 */
@Component(configurationPid = "io.weft.deployer", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = DeployerConfig.class)
public final class DeployFolderWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(DeployFolderWatcher.class);
    private static final long REFRESH_TIMEOUT_SECONDS = 60;

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "weft-deployer");
        t.setDaemon(true);
        return t;
    });
    private BundleContext context;
    private DeployFolderScanner scanner;
    private ScheduledFuture<?> task;
    /** Deploy file to the symbolic name it upgraded or installed; only touched on the deployer thread. */
    private final Map<Path, String> applied = new HashMap<>();

    @Activate
    void activate(BundleContext context, DeployerConfig config) {
        this.context = context;
        schedule(config);
    }

    @Modified
    void modified(DeployerConfig config) {
        schedule(config);
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void schedule(DeployerConfig config) {
        Path folder = folderOf(config);
        if (scanner == null || !scanner.folder().equals(folder)) {
            scanner = new DeployFolderScanner(folder);
        }
        if (task != null) {
            task.cancel(false);
        }
        DeployFolderScanner current = scanner;
        long interval = Math.max(100, config.pollIntervalMillis());
        task = executor.scheduleWithFixedDelay(() -> scanOnce(current), 0, interval, TimeUnit.MILLISECONDS);
        LOG.info("watching {} every {} ms", folder, interval);
    }

    private Path folderOf(DeployerConfig config) {
        if (!config.folder().isBlank()) {
            return Path.of(config.folder());
        }
        String home = context.getProperty("weft.home");
        return Path.of(home == null ? "." : home).resolve("deploy");
    }

    private void scanOnce(DeployFolderScanner scanner) {
        try {
            DeployFolderScanner.Changes changes = scanner.scan();
            for (Path jar : changes.changed()) {
                deploy(jar);
            }
            for (Path jar : changes.removed()) {
                undeploy(jar);
            }
        } catch (IOException e) {
            LOG.error("cannot scan the deploy folder: {}", e.getMessage(), e);
        } catch (RuntimeException e) {
            LOG.error("deploy folder scan failed: {}", e.getMessage(), e);
        }
    }

    private void deploy(Path jar) {
        Manifest manifest;
        try (JarFile file = new JarFile(jar.toFile())) {
            manifest = file.getManifest();
        } catch (IOException e) {
            LOG.error("deploy/{} is not a readable jar ({}); ignored", jar.getFileName(), e.getMessage());
            return;
        }
        Attributes main = manifest == null ? null : manifest.getMainAttributes();
        String bsn = main == null ? null : main.getValue(Constants.BUNDLE_SYMBOLICNAME);
        if (bsn == null) {
            LOG.error("deploy/{} is not an OSGi bundle (no Bundle-SymbolicName); ignored", jar.getFileName());
            return;
        }
        bsn = bsn.split(";")[0].trim();
        Version version;
        try {
            version = Version.parseVersion(main.getValue(Constants.BUNDLE_VERSION));
        } catch (IllegalArgumentException e) {
            LOG.error("deploy/{}: Bundle-Version is invalid ({}); ignored", jar.getFileName(), e.getMessage());
            return;
        }
        if (bsn.equals(context.getBundle().getSymbolicName())) {
            LOG.error("deploy/{}: the deployer cannot replace itself; update it from the Web Console's bundles page",
                    jar.getFileName());
            return;
        }
        Bundle installed = installedBundle(bsn);
        String location = jar.toUri().toString();
        boolean fromThisFile = installed != null && installed.getLocation().equals(location);
        switch (DeployAction.decide(version, installed == null ? null : installed.getVersion(), fromThisFile)) {
            case INSTALL -> install(jar, location, bsn, version);
            case UPDATE -> update(jar, installed, version);
            case SKIP -> LOG.info("deploy/{}: {} {} is already running (version {}); nothing to do",
                    jar.getFileName(), bsn, version, installed.getVersion());
        }
    }

    private void install(Path jar, String location, String bsn, Version version) {
        Bundle bundle = null;
        try (InputStream in = Files.newInputStream(jar)) {
            bundle = context.installBundle(location, in);
            bundle.start();
            applied.put(jar, bsn);
            LOG.info("deploy/{}: installed and started {} {}", jar.getFileName(), bsn, version);
        } catch (IOException | BundleException | RuntimeException e) {
            LOG.error("deploy/{}: {} {} cannot be started ({}); it was not installed", jar.getFileName(), bsn, version,
                    e.getMessage(), e);
            if (bundle != null) {
                try {
                    bundle.uninstall();
                } catch (BundleException | IllegalStateException ignored) {
                    // already gone
                }
            }
        }
    }

    private void update(Path jar, Bundle bundle, Version version) {
        Version previous = bundle.getVersion();
        try (InputStream in = Files.newInputStream(jar)) {
            replace(bundle, () -> bundle.update(in));
            applied.put(jar, bundle.getSymbolicName());
            LOG.info("deploy/{}: {} replaced, {} -> {}", jar.getFileName(), bundle.getSymbolicName(), previous, version);
        } catch (IOException | BundleException | RuntimeException e) {
            LOG.error("deploy/{}: {} {} cannot be started ({}); going back to the version it was installed from",
                    jar.getFileName(), bundle.getSymbolicName(), version, e.getMessage(), e);
            restoreOriginal(bundle);
        }
    }

    private void undeploy(Path jar) {
        String bsn = applied.remove(jar);
        Bundle bundle = bsn == null ? null : installedBundle(bsn);
        if (bundle == null) {
            return;
        }
        try {
            if (bundle.getLocation().equals(jar.toUri().toString())) {
                bundle.uninstall();
                refresh(bundle);
                LOG.info("deploy/{} removed: {} uninstalled", jar.getFileName(), bsn);
            } else {
                restoreOriginal(bundle);
            }
        } catch (BundleException | RuntimeException e) {
            LOG.error("deploy/{} removed, but {} could not be undone: {}", jar.getFileName(), bsn, e.getMessage(), e);
        }
    }

    /** Puts a bundle back to the jar it was installed from (its location), e.g. the distribution's. */
    private void restoreOriginal(Bundle bundle) {
        try {
            replace(bundle, bundle::update);
            LOG.info("{} is back to version {} from {}", bundle.getSymbolicName(), bundle.getVersion(), bundle.getLocation());
        } catch (BundleException | RuntimeException e) {
            LOG.error("{} could not be restored from {}: {}", bundle.getSymbolicName(), bundle.getLocation(), e.getMessage(), e);
        }
    }

    /** A {@code Bundle.update} call, from a jar or from the bundle's location. */
    @FunctionalInterface
    private interface Update {
        void run() throws BundleException;
    }

    /**
     * Stops the bundle (transiently: it stays marked to start), updates it, refreshes it and what is wired to it,
     * and starts it. An update of an active bundle restarts it, and the refresh after restarts it again: a role's
     * port would close, open, and close again, and clients that reconnected in between be dropped a second time.
     * Stopped first, it starts once, after the refresh.
     */
    private void replace(Bundle bundle, Update update) throws BundleException {
        if (bundle.getState() == Bundle.ACTIVE || bundle.getState() == Bundle.STARTING) {
            bundle.stop(Bundle.STOP_TRANSIENT);
        }
        update.run();
        refresh(bundle);
        bundle.start();
    }

    /** Rewires the bundle and its dependents to the new revision, and waits until that is done. */
    private void refresh(Bundle bundle) {
        CountDownLatch done = new CountDownLatch(1);
        FrameworkWiring wiring = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
        wiring.refreshBundles(List.of(bundle), event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED || event.getType() == FrameworkEvent.ERROR) {
                done.countDown();
            }
        });
        try {
            if (!done.await(REFRESH_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("refreshing {} did not finish within {} s", bundle.getSymbolicName(), REFRESH_TIMEOUT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Bundle installedBundle(String bsn) {
        Bundle best = null;
        for (Bundle b : context.getBundles()) {
            if (bsn.equals(b.getSymbolicName()) && (best == null || b.getVersion().compareTo(best.getVersion()) > 0)) {
                best = b;
            }
        }
        return best;
    }
}
