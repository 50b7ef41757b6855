-- The audit trail: append-only, every record chained to the previous one by a SHA-256 hash
-- (hex) over all its columns and the previous record's hash. Plain types, so that the same
-- script runs on H2 and on PostgreSQL.
CREATE TABLE audit_record (
    sequence_number BIGINT                   NOT NULL PRIMARY KEY,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    principal       VARCHAR(256)             NOT NULL,
    -- The principal lower-cased: directory names are case-insensitive, and a plain index on this
    -- column serves the principal filter on every database.
    principal_key   VARCHAR(256)             NOT NULL,
    source_address  VARCHAR(128),
    channel         VARCHAR(16)              NOT NULL,
    action          VARCHAR(128)             NOT NULL,
    object_type     VARCHAR(64),
    object_id       VARCHAR(128),
    object_name     VARCHAR(256),
    outcome         VARCHAR(16)              NOT NULL,
    details         VARCHAR(2000),
    previous_hash   CHAR(64)                 NOT NULL,
    hash            CHAR(64)                 NOT NULL
);

CREATE INDEX audit_record_recorded_at ON audit_record (recorded_at);
CREATE INDEX audit_record_principal ON audit_record (principal_key, sequence_number);
CREATE INDEX audit_record_object ON audit_record (object_id, sequence_number);
CREATE INDEX audit_record_outcome ON audit_record (outcome, sequence_number);

-- The head of the chain: one row, locked (SELECT ... FOR UPDATE) by every append, so that appends
-- from all threads and all Corral nodes sharing the database take their turn. It also records
-- where the chain ends, so that removing the newest records is detected.
CREATE TABLE audit_head (
    id              INTEGER  NOT NULL PRIMARY KEY,
    last_sequence   BIGINT   NOT NULL,
    last_hash       CHAR(64) NOT NULL,
    CONSTRAINT audit_head_single_row CHECK (id = 1)
);

INSERT INTO audit_head (id, last_sequence, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
