package io.weft.drm.client;

import java.util.Set;

/** A declared resource. Closing it stops its updates; the client keeps running. Thread-safe. */
public interface DrmRegistration extends AutoCloseable {

    String resourceId();

    Set<String> attributes();

    /** The value held now (text as pushed), {@code null} when none yet. */
    String value(String attribute);

    /** The version of the value held now, {@code 0} when none yet. */
    long version(String attribute);

    @Override
    void close();
}
