-- DRM schema, version 1, for Derby (embedded or network). The MySQL/MariaDB twin is ../mysql/V1__drm.sql:
-- keep the two in step. Times are epoch milliseconds (UTC); 0 means "not yet".

-- One row per attribute of an instance: the common value and, during a gray release, the gray value.
-- attr_version and gray_version only grow: every write takes max(attr_version, gray_version) + 1.
-- change_seq is the drm_sequence value of the row's last write (0 for a declaration without a value), which
-- drmdata nodes poll to catch up with writes they missed.
CREATE TABLE drm_attribute (
    instance_id VARCHAR(64) NOT NULL,
    attr_key VARCHAR(300) NOT NULL,
    attr_value CLOB,
    attr_version BIGINT NOT NULL,
    updated_by VARCHAR(128),
    updated_at BIGINT NOT NULL,
    gray_value CLOB,
    gray_version BIGINT NOT NULL,
    gray_ips VARCHAR(4000),
    gray_zones VARCHAR(2000),
    gray_by VARCHAR(128),
    gray_at BIGINT NOT NULL,
    change_seq BIGINT NOT NULL,
    declared_at BIGINT NOT NULL,
    CONSTRAINT pk_drm_attribute PRIMARY KEY (instance_id, attr_key)
);

CREATE INDEX ix_drm_attribute_seq ON drm_attribute (change_seq);

-- Every write of an attribute, kept for the console's history and one-click roll back.
CREATE TABLE drm_push_history (
    instance_id VARCHAR(64) NOT NULL,
    attr_key VARCHAR(300) NOT NULL,
    attr_version BIGINT NOT NULL,
    attr_value CLOB,
    kind VARCHAR(16) NOT NULL,
    operator_name VARCHAR(128) NOT NULL,
    pushed_at BIGINT NOT NULL,
    note VARCHAR(4000),
    CONSTRAINT pk_drm_push_history PRIMARY KEY (instance_id, attr_key, attr_version)
);

-- drmdata nodes' liveness rows, written by each node every few seconds (node clock).
CREATE TABLE drm_node (
    node_id VARCHAR(300) NOT NULL,
    host VARCHAR(255) NOT NULL,
    client_port INT NOT NULL,
    sync_port INT NOT NULL,
    pull_url VARCHAR(1000) NOT NULL,
    data_center VARCHAR(64) NOT NULL,
    zone_name VARCHAR(64) NOT NULL,
    last_seen_ms BIGINT NOT NULL,
    connections INT NOT NULL,
    CONSTRAINT pk_drm_node PRIMARY KEY (node_id)
);

-- The secret drmdata nodes sign pull tokens with (hex), created once by the first node that asks.
CREATE TABLE drm_cluster (
    cluster_name VARCHAR(64) NOT NULL,
    secret VARCHAR(128) NOT NULL,
    CONSTRAINT pk_drm_cluster PRIMARY KEY (cluster_name)
);

-- Database-wide counters; 'change' numbers attribute writes in commit order (its row is locked by each write).
CREATE TABLE drm_sequence (
    seq_name VARCHAR(64) NOT NULL,
    seq_value BIGINT NOT NULL,
    CONSTRAINT pk_drm_sequence PRIMARY KEY (seq_name)
);

INSERT INTO drm_sequence (seq_name, seq_value) VALUES ('change', 0);
