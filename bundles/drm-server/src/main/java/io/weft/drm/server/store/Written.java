package io.weft.drm.server.store;

import io.weft.api.drm.PushRecord;

/**
 * What {@link JdbcDrmStore#write} committed.
 *
 * @param row    the attribute's row after the write
 * @param record the history entry the write added (its version is the one created)
 */
public record Written(AttributeRow row, PushRecord record) {
}
