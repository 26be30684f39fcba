package io.weft.auth.osp.admin;

import io.weft.api.osp.AccessKey;

/**
 * A key just created, with its SecretKey: the one and only time the secret is shown. Callers print it to
 * the operator and drop it; {@link #toString()} leaves it out so it cannot reach a log by accident.
 */
public record NewAccessKey(AccessKey key, String secretKey) {

    @Override
    public String toString() {
        return "NewAccessKey[" + key + "]";
    }
}
