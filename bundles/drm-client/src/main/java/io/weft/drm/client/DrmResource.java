package io.weft.drm.client;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class whose instances hold the attributes of one DRM resource, e.g.
 * <pre>
 * &#64;DrmResource(id = "com.example.RefreshCacheDRM")
 * public class RefreshCache {
 *     &#64;DrmAttribute private String refreshCacheType = "NONE";
 *     &#64;DrmChanged void changed(DrmChange change) { ... }
 * }
 * </pre>
 * and hand an instance to {@link DrmClient#register(Object)}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DrmResource {

    /** The resource id as the console shows it, e.g. {@code com.example.RefreshCacheDRM}. */
    String id();
}
