-- intelliproxy: console users, roles and the permissions roles grant.
-- Standard SQL that Derby (10.16) and MySQL/MariaDB both run; no vendor types, no identity columns.
-- Times are epoch milliseconds (UTC). A password_hash is a PHC string ($argon2id$v=19$m=..,t=..,p=..$salt$hash).

CREATE TABLE intelliproxy_user (
    name          VARCHAR(64)  NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    enabled       SMALLINT     NOT NULL,
    created_at    BIGINT       NOT NULL,
    updated_at    BIGINT       NOT NULL,
    PRIMARY KEY (name)
);

CREATE TABLE intelliproxy_role (
    name        VARCHAR(64)  NOT NULL,
    description VARCHAR(255) NOT NULL,
    PRIMARY KEY (name)
);

CREATE TABLE intelliproxy_user_role (
    user_name VARCHAR(64) NOT NULL,
    role_name VARCHAR(64) NOT NULL,
    PRIMARY KEY (user_name, role_name),
    FOREIGN KEY (user_name) REFERENCES intelliproxy_user (name) ON DELETE CASCADE,
    FOREIGN KEY (role_name) REFERENCES intelliproxy_role (name) ON DELETE CASCADE
);

CREATE TABLE intelliproxy_role_permission (
    role_name  VARCHAR(64)  NOT NULL,
    permission VARCHAR(128) NOT NULL,
    PRIMARY KEY (role_name, permission),
    FOREIGN KEY (role_name) REFERENCES intelliproxy_role (name) ON DELETE CASCADE
);

INSERT INTO intelliproxy_role (name, description) VALUES ('admin', 'Every permission');
INSERT INTO intelliproxy_role (name, description) VALUES ('viewer', 'Opens every console page; changes nothing');
INSERT INTO intelliproxy_role_permission (role_name, permission) VALUES ('admin', '*');
INSERT INTO intelliproxy_role_permission (role_name, permission) VALUES ('viewer', 'console.read');
