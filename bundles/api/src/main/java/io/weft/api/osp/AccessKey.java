package io.weft.api.osp;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * An AccessKey as OSP shows it: who it belongs to and what it may call. Never carries the SecretKey,
 * so it can be listed, logged and rendered freely.
 *
 * @param accessKeyId the public half of the pair, sent by clients as {@code !AccessKey} or
 *                    {@code com.antcloud.mw.access}
 * @param instanceId  the instance the key is bound to; a signature only counts for that instance
 * @param permissions API permissions, e.g. {@code antcloud.deps.cell.list}; an entry ending in
 *                    {@code *} grants every permission with that prefix ({@code *} alone grants all)
 * @param createdAt   when the key was created
 * @param revokedAt   when the key was revoked, or {@code null} while it is active
 */
public record AccessKey(String accessKeyId, String instanceId, Set<String> permissions, Instant createdAt,
        Instant revokedAt) {

    public AccessKey {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(createdAt, "createdAt");
        permissions = Set.copyOf(permissions);
    }

    public boolean isActive() {
        return revokedAt == null;
    }

    /** Whether this key's permission set covers {@code permission}, wildcards included. */
    public boolean grants(String permission) {
        for (String granted : permissions) {
            if (granted.equals(permission)
                    || granted.endsWith("*") && permission.startsWith(granted.substring(0, granted.length() - 1))) {
                return true;
            }
        }
        return false;
    }
}
