package io.weft.drm.server.admin;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.weft.api.drm.DrmAdmin;
import io.weft.api.drm.DrmAttribute;
import io.weft.api.drm.DrmNode;
import io.weft.api.drm.GrayTargets;
import io.weft.api.drm.Page;
import io.weft.api.drm.PushRecord;
import io.weft.api.drm.PushResult;
import io.weft.api.drm.Subscribers;
import io.weft.api.store.Database;
import io.weft.api.store.MigrationException;
import io.weft.drm.protocol.DrmMessage;
import io.weft.drm.server.store.JdbcDrmStore;
import io.weft.drm.server.sync.SyncClient;

/**
 * The console node's {@link DrmAdmin}: only nodes configured with PID {@value #PID} offer it. Brings the DRM
 * tables up to date at activation, talks to drmdata through one {@link SyncClient} (thread
 * {@code weft-drm-admin-1}) that is closed on deactivation. A new configuration applies to the next call;
 * a new largest frame size replaces the sync client.
 */
@Component(service = DrmAdmin.class, configurationPid = DrmAdminComponent.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = DrmAdminConfig.class)
public final class DrmAdminComponent implements DrmAdmin {

    static final String PID = "io.weft.drm.admin";
    static final String THREAD_PREFIX = "weft-drm-admin";

    private static final Logger LOG = LoggerFactory.getLogger(LocalDrmAdmin.LOGGER);

    private final LocalDrmAdmin admin;
    private volatile SyncClient client;
    private volatile int maxFrameBytes;

    @Activate
    public DrmAdminComponent(DrmAdminConfig config,
            @Reference(name = "database", target = "(weft.database=weft)") Database database) throws MigrationException {
        JdbcDrmStore store = JdbcDrmStore.open(database, Clock.systemUTC());
        AdminSettings s = AdminSettings.of(config);
        this.maxFrameBytes = config.maxFrameBytes();
        this.client = new SyncClient(THREAD_PREFIX, maxFrameBytes);
        this.admin = new LocalDrmAdmin(store, this::request, "console:" + hostName(), s, Clock.systemUTC(),
                new SecureRandom());
        LOG.info("DRM administration started: data center {}, values up to {} bytes, announcement timeout {} ms",
                s.dataCenter(), s.maxValueBytes(), s.announceTimeout().toMillis());
    }

    private CompletableFuture<DrmMessage> request(String host, int port, DrmMessage message, Duration timeout) {
        return client.request(host, port, message, timeout);
    }

    @Modified
    void modified(DrmAdminConfig config) {
        admin.configure(AdminSettings.of(config));
        if (config.maxFrameBytes() != maxFrameBytes) {
            SyncClient old = client;
            maxFrameBytes = config.maxFrameBytes();
            client = new SyncClient(THREAD_PREFIX, maxFrameBytes);
            old.close();
        }
        LOG.info("DRM administration reconfigured: data center {}, values up to {} bytes", config.dataCenter(),
                config.maxValueBytes());
    }

    @Deactivate
    void deactivate() {
        client.close();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    @Override
    public List<String> instances() {
        return admin.instances();
    }

    @Override
    public Page<DrmAttribute> attributes(String instanceId, String search, int offset, int limit) {
        return admin.attributes(instanceId, search, offset, limit);
    }

    @Override
    public Optional<DrmAttribute> attribute(String instanceId, String key) {
        return admin.attribute(instanceId, key);
    }

    @Override
    public DrmAttribute declare(String instanceId, String key, String operator) {
        return admin.declare(instanceId, key, operator);
    }

    @Override
    public PushResult push(String instanceId, String key, String value, String operator) {
        return admin.push(instanceId, key, value, operator);
    }

    @Override
    public PushResult pushGray(String instanceId, String key, String value, GrayTargets targets, String operator) {
        return admin.pushGray(instanceId, key, value, targets, operator);
    }

    @Override
    public PushResult promoteGray(String instanceId, String key, String operator) {
        return admin.promoteGray(instanceId, key, operator);
    }

    @Override
    public PushResult abandonGray(String instanceId, String key, String operator) {
        return admin.abandonGray(instanceId, key, operator);
    }

    @Override
    public PushResult rollback(String instanceId, String key, long toVersion, String operator) {
        return admin.rollback(instanceId, key, toVersion, operator);
    }

    @Override
    public List<PushRecord> history(String instanceId, String key, int limit) {
        return admin.history(instanceId, key, limit);
    }

    @Override
    public Subscribers subscribers(String instanceId, String key) {
        return admin.subscribers(instanceId, key);
    }

    @Override
    public List<DrmNode> nodes() {
        return admin.nodes();
    }
}
