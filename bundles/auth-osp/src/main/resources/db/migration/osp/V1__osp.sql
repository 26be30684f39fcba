-- OSP schema, version 1. Standard SQL that Derby and MySQL/MariaDB (InnoDB) both run.
-- Times are epoch milliseconds (UTC). SecretKeys are stored AES-GCM encrypted with the node's master key,
-- never in plain text.

CREATE TABLE osp_tenant (
    tenant_name VARCHAR(64) NOT NULL,
    created_at BIGINT NOT NULL,
    CONSTRAINT pk_osp_tenant PRIMARY KEY (tenant_name)
);

CREATE TABLE osp_instance (
    instance_id VARCHAR(64) NOT NULL,
    tenant_name VARCHAR(64) NOT NULL,
    workspace VARCHAR(64) NOT NULL,
    created_at BIGINT NOT NULL,
    CONSTRAINT pk_osp_instance PRIMARY KEY (instance_id),
    CONSTRAINT fk_osp_instance_tenant FOREIGN KEY (tenant_name) REFERENCES osp_tenant (tenant_name)
);

CREATE TABLE osp_instance_product (
    instance_id VARCHAR(64) NOT NULL,
    product VARCHAR(32) NOT NULL,
    CONSTRAINT pk_osp_instance_product PRIMARY KEY (instance_id, product),
    CONSTRAINT fk_osp_product_instance FOREIGN KEY (instance_id) REFERENCES osp_instance (instance_id)
);

CREATE TABLE osp_access_key (
    access_key_id VARCHAR(64) NOT NULL,
    instance_id VARCHAR(64) NOT NULL,
    secret_cipher VARCHAR(255) NOT NULL,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT,
    CONSTRAINT pk_osp_access_key PRIMARY KEY (access_key_id),
    CONSTRAINT fk_osp_key_instance FOREIGN KEY (instance_id) REFERENCES osp_instance (instance_id)
);

CREATE TABLE osp_access_key_permission (
    access_key_id VARCHAR(64) NOT NULL,
    permission VARCHAR(128) NOT NULL,
    CONSTRAINT pk_osp_key_permission PRIMARY KEY (access_key_id, permission),
    CONSTRAINT fk_osp_permission_key FOREIGN KEY (access_key_id) REFERENCES osp_access_key (access_key_id)
);

CREATE INDEX ix_osp_access_key_instance ON osp_access_key (instance_id);
