package io.weft.drm.server.store;

import java.util.Set;

import io.weft.api.drm.PushRecord;

/**
 * A write of an attribute the console asks for. {@link JdbcDrmStore#write} applies it to the row locked in
 * one transaction, under the rules that depend on the row as it is then: a push and a roll back are refused
 * while a gray release is open, a promote and an abandon when none is. Every change takes the attribute's
 * next version, {@code max(version, grayVersion) + 1}, so no client is ever asked to go back.
 */
public sealed interface AttributeChange {

    PushRecord.Kind kind();

    /** A new common value for everyone. */
    record Push(String value) implements AttributeChange {
        @Override
        public PushRecord.Kind kind() {
            return PushRecord.Kind.PUSH;
        }
    }

    /** A value for the clients with one of {@code clientIps} or in one of {@code zones}. */
    record Gray(String value, Set<String> clientIps, Set<String> zones) implements AttributeChange {
        public Gray {
            clientIps = Set.copyOf(clientIps);
            zones = Set.copyOf(zones);
        }

        @Override
        public PushRecord.Kind kind() {
            return PushRecord.Kind.GRAY;
        }
    }

    /** The open gray release's value, now for everyone. */
    record Promote() implements AttributeChange {
        @Override
        public PushRecord.Kind kind() {
            return PushRecord.Kind.PROMOTE;
        }
    }

    /**
     * Closes the open gray release. The common value is written again under a new version, so the gray
     * targets, which hold the higher gray version, move forward to it rather than back.
     */
    record Abandon() implements AttributeChange {
        @Override
        public PushRecord.Kind kind() {
            return PushRecord.Kind.ABANDON;
        }
    }

    /** The value {@code toVersion} wrote, as a new version for everyone. */
    record Rollback(long toVersion) implements AttributeChange {
        @Override
        public PushRecord.Kind kind() {
            return PushRecord.Kind.ROLLBACK;
        }
    }
}
