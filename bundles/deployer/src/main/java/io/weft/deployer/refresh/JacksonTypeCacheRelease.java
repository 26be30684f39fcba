package io.weft.deployer.refresh;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.type.TypeFactory;

/**
 * Clears Jackson's shared type cache each time the framework has refreshed bundles, so that the old revision of an
 * updated bundle can be unloaded.
 *
 * <p>Every {@code ObjectMapper} made without a type factory of its own uses {@link TypeFactory#defaultInstance()},
 * one instance in the jackson-databind bundle, whose cache keys the types it resolved by their {@code Class}. After a
 * bundle was updated in place (through {@code deploy/} or the Web Console), the cache still held the classes its old
 * revision had written or read, and with them that revision's class loader and every class of it: in a standalone
 * node, each in-place update of registry-session left one more revision loaded (its console snapshot classes). The
 * cache is a cache: cleared, it fills again with the live revisions' types on their next use. Whichever bundle asked
 * for the refresh, the framework tells every framework listener once it is done, after the old revisions stopped.
 */
@Component(immediate = true, service = {})
public final class JacksonTypeCacheRelease implements FrameworkListener {

    private static final Logger LOG = LoggerFactory.getLogger(JacksonTypeCacheRelease.class);

    private final TypeFactory types;
    private BundleContext context;

    public JacksonTypeCacheRelease() {
        this(TypeFactory.defaultInstance());
    }

    /** @param types the type factory whose cache to clear (tests pass one of their own) */
    JacksonTypeCacheRelease(TypeFactory types) {
        this.types = types;
    }

    @Activate
    void activate(BundleContext bundleContext) {
        context = bundleContext;
        context.addFrameworkListener(this);
    }

    @Deactivate
    void deactivate() {
        context.removeFrameworkListener(this);
    }

    @Override
    public void frameworkEvent(FrameworkEvent event) {
        if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
            types.clearCache();
            LOG.debug("bundles refreshed: Jackson's shared type cache cleared");
        }
    }
}
