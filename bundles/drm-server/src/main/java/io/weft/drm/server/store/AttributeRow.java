package io.weft.drm.server.store;

/**
 * An attribute's whole row as the console shows it: what drmdata serves, plus who wrote it and when.
 *
 * @param attribute       the values, versions and gray targets
 * @param updatedBy       who wrote the common value; empty before the first push
 * @param updatedAtMillis when; 0 before the first push
 * @param grayBy          who opened the gray release; empty when none is open
 * @param grayAtMillis    when; 0 when none is open
 */
public record AttributeRow(StoredAttribute attribute, String updatedBy, long updatedAtMillis, String grayBy,
        long grayAtMillis) {

    public AttributeRow {
        updatedBy = updatedBy == null ? "" : updatedBy;
        grayBy = grayBy == null ? "" : grayBy;
    }
}
