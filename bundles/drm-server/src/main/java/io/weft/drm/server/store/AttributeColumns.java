package io.weft.drm.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;

/** The columns of {@code drm_attribute} every read selects, and how a row becomes an {@link AttributeRow}. */
final class AttributeColumns {

    static final String SELECT = "SELECT instance_id, attr_key, attr_value, attr_version, updated_by, updated_at,"
            + " gray_value, gray_version, gray_ips, gray_zones, gray_by, gray_at, change_seq FROM drm_attribute";

    private AttributeColumns() {
    }

    static AttributeRow row(ResultSet rs) throws SQLException {
        StoredAttribute attribute = new StoredAttribute(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getLong(4), rs.getString(7), rs.getLong(8), Sql.split(rs.getString(9)), Sql.split(rs.getString(10)),
                rs.getLong(13));
        return new AttributeRow(attribute, rs.getString(5), rs.getLong(6), rs.getString(11), rs.getLong(12));
    }

    static StoredAttribute attribute(ResultSet rs) throws SQLException {
        return row(rs).attribute();
    }
}
