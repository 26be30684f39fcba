package io.weft.deployer.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkEvent;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.databind.util.LRUMap;
import com.fasterxml.jackson.databind.util.LookupCache;

class JacksonTypeCacheReleaseTest {

    /** The event's source; the listener does not look at it. */
    private static final Bundle SYSTEM_BUNDLE = (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(),
            new Class<?>[] {Bundle.class}, (proxy, method, args) -> null);

    /** A class of some bundle's, resolved by a mapper. */
    record Snapshot(String session) {
    }

    @Test
    @DisplayName("ARCHITECTURE (in-place upgrade): once bundles are refreshed, the types Jackson cached by class are"
            + " dropped, so an updated bundle's old classes are not kept; other framework events leave them")
    void refreshClearsTheCachedTypes() {
        LookupCache<Object, JavaType> cache = new LRUMap<>(16, 200);
        TypeFactory types = TypeFactory.defaultInstance().withCache(cache);
        types.constructType(Snapshot.class);
        assertTrue(cache.size() > 0, "the type is cached");
        JacksonTypeCacheRelease release = new JacksonTypeCacheRelease(types);

        release.frameworkEvent(new FrameworkEvent(FrameworkEvent.STARTLEVEL_CHANGED, SYSTEM_BUNDLE, null));
        assertTrue(cache.size() > 0, "kept on another event");
        release.frameworkEvent(new FrameworkEvent(FrameworkEvent.PACKAGES_REFRESHED, SYSTEM_BUNDLE, null));
        assertEquals(0, cache.size());
    }
}
