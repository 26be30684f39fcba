package io.weft.drm.client;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A method of a {@link DrmResource} class called after an attribute took a new value, with no parameter
 * or one {@link DrmChange}. It runs on the client's callback executor, one change at a time per resource;
 * what it throws is acknowledged to drmdata as a failure. It should return quickly (DRM-27): hand long
 * work to a thread of the application's own.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface DrmChanged {
}
