-- The inventory's tree (host groups > hosts > VMs), as far as the access model needs it, and
-- the access model: roles, their permissions, and assignments of roles to directory principals
-- at a scope of the tree.
CREATE TABLE host_group (
    id        UUID         NOT NULL PRIMARY KEY,
    name      VARCHAR(100) NOT NULL,
    parent_id UUID         REFERENCES host_group (id),
    version   BIGINT       NOT NULL
);
CREATE INDEX ix_host_group_parent ON host_group (parent_id);

CREATE TABLE host (
    id            UUID          NOT NULL PRIMARY KEY,
    name          VARCHAR(100)  NOT NULL,
    uri           VARCHAR(1000) NOT NULL,
    host_group_id UUID          NOT NULL REFERENCES host_group (id),
    edition       VARCHAR(100),
    cluster_name  VARCHAR(100),
    version       BIGINT        NOT NULL,
    CONSTRAINT uq_host_name UNIQUE (name),
    CONSTRAINT uq_host_uri UNIQUE (uri)
);
CREATE INDEX ix_host_group ON host (host_group_id);

CREATE TABLE vm (
    id           UUID         NOT NULL PRIMARY KEY,
    host_id      UUID         NOT NULL REFERENCES host (id),
    name         VARCHAR(100) NOT NULL,
    owner        VARCHAR(256),
    vcpus        INTEGER      NOT NULL,
    memory_mib   BIGINT       NOT NULL,
    storage_gib  BIGINT       NOT NULL,
    guest_family VARCHAR(20)  NOT NULL,
    version      BIGINT       NOT NULL,
    CONSTRAINT uq_vm_name_per_host UNIQUE (host_id, name)
);
CREATE INDEX ix_vm_owner ON vm (owner);

CREATE TABLE access_role (
    id          UUID         NOT NULL PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    description VARCHAR(500),
    built_in    BOOLEAN      NOT NULL,
    denies_all  BOOLEAN      NOT NULL,
    owned_vms_only BOOLEAN   NOT NULL,
    version     BIGINT       NOT NULL,
    CONSTRAINT uq_access_role_name UNIQUE (name)
);

CREATE TABLE access_role_permission (
    role_id    UUID        NOT NULL REFERENCES access_role (id) ON DELETE CASCADE,
    permission VARCHAR(40) NOT NULL,
    PRIMARY KEY (role_id, permission)
);

CREATE TABLE access_assignment (
    id                UUID         NOT NULL PRIMARY KEY,
    principal_type    VARCHAR(10)  NOT NULL,
    principal_name    VARCHAR(256) NOT NULL,
    principal_key     VARCHAR(256) NOT NULL,
    role_id           UUID         NOT NULL REFERENCES access_role (id),
    scope_kind        VARCHAR(20)  NOT NULL,
    scope_id          UUID,
    quota_vms         INTEGER,
    quota_vcpus       INTEGER,
    quota_memory_mib  BIGINT,
    quota_storage_gib BIGINT,
    created_by        VARCHAR(256) NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_assignment_principal ON access_assignment (principal_key);
CREATE INDEX ix_assignment_scope ON access_assignment (scope_kind, scope_id);
