package io.weft.api.drm;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Dynamic configuration as an operator sees it (CON-8). Attributes are addressed by instance and key
 * ({@code resourceId:attribute}). Every change gets the attribute's next version, is written to the
 * database with who made it and when, and is then announced to drmdata (DRM-6); drmdata nodes that
 * miss the announcement catch up from the database. Thread-safe.
 *
 * <p>Every method throws {@link DrmException} with a reason a page can show: bad names or values,
 * an unknown attribute, a gray release in the way, or the database being unavailable.
 */
@ProviderType
public interface DrmAdmin {

    /** Instances that have at least one attribute, sorted. */
    List<String> instances();

    /**
     * Attributes of an instance whose key contains {@code search} (case-insensitive; empty for all),
     * sorted by key.
     */
    Page<DrmAttribute> attributes(String instanceId, String search, int offset, int limit);

    Optional<DrmAttribute> attribute(String instanceId, String key);

    /**
     * Declares an attribute without a value (clients declare theirs when they register; an operator
     * may prepare one before). Declaring an existing attribute changes nothing.
     */
    DrmAttribute declare(String instanceId, String key, String operator);

    /** Pushes a new value to every client of the attribute. Refused while a gray release is open. */
    PushResult push(String instanceId, String key, String value, String operator);

    /**
     * Pushes a value to the gray targets only (clients with a listed IP or in a listed zone); the others
     * keep the current value until {@link #promoteGray} or {@link #abandonGray}.
     */
    PushResult pushGray(String instanceId, String key, String value, GrayTargets targets, String operator);

    /** Pushes the open gray release's value to everyone and closes it. */
    PushResult promoteGray(String instanceId, String key, String operator);

    /** Closes the open gray release; its targets go back to the value everyone else has. */
    PushResult abandonGray(String instanceId, String key, String operator);

    /** Pushes the value an earlier version had, as a new version (one-click roll back). */
    PushResult rollback(String instanceId, String key, long toVersion, String operator);

    /** The pushes of an attribute, newest first. */
    List<PushRecord> history(String instanceId, String key, int limit);

    /**
     * Which clients listen to the attribute and the version each holds, asked of every live drmdata
     * node (a node that does not answer in time is named in {@link Subscribers#unreachableNodes()}).
     */
    Subscribers subscribers(String instanceId, String key);

    /** The drmdata nodes known to the cluster (from the shared database), live ones first. */
    List<DrmNode> nodes();
}
