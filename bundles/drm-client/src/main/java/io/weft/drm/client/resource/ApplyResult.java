package io.weft.drm.client.resource;

/**
 * What applying a pulled value did.
 *
 * @param held    whether the client now holds the version (its value is in the application's object)
 * @param ok      whether it is acknowledged as success to drmdata
 * @param version the version held after the attempt
 * @param error   why not ok
 */
public record ApplyResult(boolean held, boolean ok, long version, String error) {

    static ApplyResult applied(long version) {
        return new ApplyResult(true, true, version, "");
    }

    /** The client holds this version or a newer one already; nothing changed. */
    static ApplyResult alreadyHeld(long heldVersion) {
        return new ApplyResult(false, true, heldVersion, "");
    }

    static ApplyResult rejected(long heldVersion, String error) {
        return new ApplyResult(false, false, heldVersion, error);
    }

    static ApplyResult callbackFailed(long version, String error) {
        return new ApplyResult(true, false, version, error);
    }
}
