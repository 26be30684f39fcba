package io.weft.auth.osp;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import javax.crypto.SecretKey;
import javax.sql.DataSource;

import io.weft.api.store.Database;
import io.weft.api.store.MigrationException;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.weft.api.osp.AccessKey;
import io.weft.api.osp.AccessKeys;
import io.weft.api.osp.Instance;
import io.weft.api.osp.InstanceDirectory;
import io.weft.api.osp.SignatureVerifier;
import io.weft.api.osp.SignedRequest;
import io.weft.api.osp.Verification;
import io.weft.auth.osp.admin.LocalOsp;
import io.weft.auth.osp.admin.NewAccessKey;
import io.weft.auth.osp.admin.OspAdmin;
import io.weft.auth.osp.secret.Credentials;
import io.weft.auth.osp.secret.MasterKeyFile;
import io.weft.auth.osp.secret.SecretCipher;
import io.weft.auth.osp.store.JdbcOspRepository;
import io.weft.auth.osp.store.Tenant;
import io.weft.auth.osp.verify.HmacSignatureVerifier;
import io.weft.auth.osp.verify.ReplayCache;

/**
 * The node's OSP as services: {@link InstanceDirectory}, {@link AccessKeys}, {@link SignatureVerifier} for
 * other bundles, {@link OspAdmin} for this bundle's commands and console page.
 *
 * <p>Takes the node database ({@link Database} registered with {@code weft.database=weft}); brings its
 * tables up to date through the store's migrations, reads (or creates) the master key under {@code weft.home}, and creates the default
 * instance if configured to. A new skew window or replay cache size applies without deactivation, so the
 * replay cache survives it. Holds no thread, port or open file after activation.
 */
@Component(
        service = {InstanceDirectory.class, AccessKeys.class, SignatureVerifier.class, OspAdmin.class},
        configurationPid = OspComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = OspConfig.class)
public final class OspComponent implements InstanceDirectory, AccessKeys, SignatureVerifier, OspAdmin {

    static final String PID = "io.weft.auth.osp";
    /** Framework property naming the node's home folder. */
    static final String HOME_PROPERTY = "weft.home";

    private static final Logger LOG = LoggerFactory.getLogger(OspComponent.class);

    private final ReplayCache replays;
    private final HmacSignatureVerifier verifier;
    private final LocalOsp osp;

    /** Owner of the OSP tables in the node database, and where its versioned migrations are. */
    static final String MIGRATION_OWNER = "osp";
    static final String MIGRATIONS = "db/migration/osp";

    @Activate
    public OspComponent(BundleContext context, OspConfig config,
            @Reference(name = "database", target = "(weft.database=weft)") Database database)
            throws IOException, MigrationException {
        this(nodeHome(context), config, migrated(database), Clock.systemUTC());
    }

    /** The tables are the store's versioned migrations of owner {@value #MIGRATION_OWNER}, applied before use. */
    private static DataSource migrated(Database database) throws MigrationException {
        int applied = database.migrate(MIGRATION_OWNER, OspComponent.class.getClassLoader(), MIGRATIONS);
        if (applied > 0) {
            LOG.info("Applied {} OSP schema migration(s)", applied);
        }
        return database.dataSource();
    }

    /** With a data source whose OSP tables exist (tests create them from the same scripts). */
    OspComponent(Path home, OspConfig config, DataSource dataSource, Clock clock) throws IOException {
        SecureRandom random = new SecureRandom();
        SecretKey masterKey = MasterKeyFile.loadOrCreate(home, random);
        SecretCipher cipher = new SecretCipher(masterKey, random);
        JdbcOspRepository repository = new JdbcOspRepository(dataSource);
        replays = new ReplayCache(config.replayCacheSize());
        verifier = new HmacSignatureVerifier(repository::accessKey, cipher, clock, skewOf(config), replays);
        osp = new LocalOsp(repository, cipher, new Credentials(random), clock, verifier);
        if (config.bootstrapDefaultInstance() && osp.bootstrapDefault()) {
            LOG.info("Created tenant '{}' and instance '{}' with every product", LocalOsp.DEFAULT_TENANT,
                    LocalOsp.DEFAULT_INSTANCE);
        }
        LOG.info("OSP started: clock skew {}s, master key {}", skewOf(config).toSeconds(),
                home.resolve(MasterKeyFile.RELATIVE_PATH));
    }

    @Modified
    void modified(OspConfig config) {
        verifier.setSkew(skewOf(config));
        replays.setCapacity(Math.max(1, config.replayCacheSize()));
        LOG.info("OSP reconfigured: clock skew {}s, replay cache size {}", skewOf(config).toSeconds(),
                config.replayCacheSize());
    }

    private static Duration skewOf(OspConfig config) {
        long seconds = config.clockSkewSeconds();
        if (seconds < 0) {
            LOG.warn("clockSkewSeconds={} is negative, using 0", seconds);
            return Duration.ZERO;
        }
        return Duration.ofSeconds(seconds);
    }

    /** The launcher sets {@code weft.home}; run from elsewhere (tests, an IDE) the working directory. */
    private static Path nodeHome(BundleContext context) {
        String home = context.getProperty(HOME_PROPERTY);
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.dir"));
    }

    @Override
    public Verification verify(SignedRequest request) {
        return osp.verify(request);
    }

    @Override
    public List<Instance> instances() {
        return osp.instances();
    }

    @Override
    public Optional<Instance> instance(String instanceId) {
        return osp.instance(instanceId);
    }

    @Override
    public List<AccessKey> accessKeys() {
        return osp.accessKeys();
    }

    @Override
    public Optional<AccessKey> accessKey(String accessKeyId) {
        return osp.accessKey(accessKeyId);
    }

    @Override
    public Tenant createTenant(String name) {
        return osp.createTenant(name);
    }

    @Override
    public Instance createInstance(String tenant, String instanceId, String workspace, List<String> products) {
        return osp.createInstance(tenant, instanceId, workspace, products);
    }

    @Override
    public NewAccessKey createAccessKey(String instanceId, List<String> permissions) {
        return osp.createAccessKey(instanceId, permissions);
    }

    @Override
    public AccessKey revokeAccessKey(String accessKeyId) {
        return osp.revokeAccessKey(accessKeyId);
    }

    @Override
    public List<Tenant> tenants() {
        return osp.tenants();
    }
}
