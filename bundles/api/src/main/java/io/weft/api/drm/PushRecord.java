package io.weft.api.drm;

import java.time.Instant;

/**
 * One push of an attribute, as kept in its history.
 *
 * @param version  the version the push created
 * @param value    the value pushed
 * @param kind     what the push was
 * @param operator who pushed
 * @param at       when
 * @param note     for gray pushes the targets, for roll backs the version rolled back to
 */
public record PushRecord(long version, String value, Kind kind, String operator, Instant at, String note) {

    public enum Kind {
        /** A new value for everyone. */
        PUSH,
        /** A value for the gray targets only. */
        GRAY,
        /** The gray value, now for everyone. */
        PROMOTE,
        /** The gray release closed; its targets back on the common value. */
        ABANDON,
        /** An earlier version's value, for everyone. */
        ROLLBACK
    }
}
