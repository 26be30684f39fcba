-- Registry governance (CON-3, CON-5, REG-65..67), Derby. The MySQL/MariaDB twin is ../mysql/V1__service_config.sql:
-- keep the two in step. Times are epoch milliseconds (UTC).

-- One row per provider a console user governed. status 0: the rule is in effect (REG-67 re-imports these);
-- 1: withdrawn (the provider was enabled again without a weight). The column order keeps the seed's import
-- query working: $2 instance_id, $3 data_id, $4 host, $5 port, $7 weight, and info.app_name is $13.
CREATE TABLE service_config (
    id BIGINT GENERATED ALWAYS AS IDENTITY,
    instance_id VARCHAR(128) NOT NULL,
    data_id VARCHAR(320) NOT NULL,
    host VARCHAR(128) NOT NULL,
    port INT NOT NULL,
    status SMALLINT NOT NULL,
    weight INT,
    disabled SMALLINT NOT NULL,
    config_group VARCHAR(64) NOT NULL,
    operator VARCHAR(128),
    gmt_create BIGINT NOT NULL,
    gmt_modified BIGINT NOT NULL,
    CONSTRAINT pk_service_config PRIMARY KEY (id),
    CONSTRAINT uq_service_config UNIQUE (instance_id, data_id, host, port)
);

-- The application of a governed service, as its publishers named it.
CREATE TABLE service_info (
    instance_id VARCHAR(128) NOT NULL,
    data_id VARCHAR(320) NOT NULL,
    app_name VARCHAR(255),
    gmt_modified BIGINT NOT NULL,
    CONSTRAINT pk_service_info PRIMARY KEY (instance_id, data_id)
);
