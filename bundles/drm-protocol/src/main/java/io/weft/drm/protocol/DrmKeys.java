package io.weft.drm.protocol;

import java.util.regex.Pattern;

/**
 * Names of DRM attributes. A resource is a named group of attributes in an OSP instance (e.g. the
 * resource {@code com.example.RefreshCacheDRM} with the attribute {@code refreshCacheType}); an
 * attribute is addressed on the wire by its key {@code resourceId:attribute}, scoped by the instance.
 */
public final class DrmKeys {

    /** As OSP names instances, e.g. {@code default} or {@code acme-prod}. */
    private static final Pattern INSTANCE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    /** Java class names and dotted domains, e.g. {@code com.example.RefreshCacheDRM}. */
    private static final Pattern RESOURCE_ID = Pattern.compile("[A-Za-z0-9_$][A-Za-z0-9_$.-]{0,199}");
    /** A Java field or property name, e.g. {@code refreshCacheType}. */
    private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]{0,63}");

    private DrmKeys() {
    }

    public static String key(String resourceId, String attribute) {
        return checkResourceId(resourceId) + ":" + checkAttribute(attribute);
    }

    /** The resource part of a key. */
    public static String resourceId(String key) {
        return checkKey(key).substring(0, key.lastIndexOf(':'));
    }

    /** The attribute part of a key. */
    public static String attribute(String key) {
        return checkKey(key).substring(key.lastIndexOf(':') + 1);
    }

    public static String checkKey(String key) {
        if (key == null) {
            throw new IllegalArgumentException("key is missing (expected resourceId:attribute)");
        }
        int colon = key.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("key must be resourceId:attribute, was '" + shorten(key) + "'");
        }
        checkResourceId(key.substring(0, colon));
        checkAttribute(key.substring(colon + 1));
        return key;
    }

    public static String checkInstanceId(String instanceId) {
        if (instanceId == null || !INSTANCE_ID.matcher(instanceId).matches()) {
            throw new IllegalArgumentException("instanceId must be 1-64 letters, digits, _, . or - starting with a"
                    + " letter or digit, was '" + shorten(instanceId) + "'");
        }
        return instanceId;
    }

    public static String checkResourceId(String resourceId) {
        if (resourceId == null || !RESOURCE_ID.matcher(resourceId).matches()) {
            throw new IllegalArgumentException("resourceId must be 1-200 letters, digits, _, $, . or -"
                    + " (e.g. com.example.RefreshCacheDRM), was '" + shorten(resourceId) + "'");
        }
        return resourceId;
    }

    public static String checkAttribute(String attribute) {
        if (attribute == null || !ATTRIBUTE.matcher(attribute).matches()) {
            throw new IllegalArgumentException("attribute must be a Java identifier of at most 64 characters"
                    + " (e.g. refreshCacheType), was '" + shorten(attribute) + "'");
        }
        return attribute;
    }

    private static String shorten(String s) {
        if (s == null) {
            return "null";
        }
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }
}
