-- Sprawl tracking.
--
-- Each VM's runtime state now says since when it holds: state_since is when the VM entered its
-- last known state (known_state; a spell of UNKNOWN while its host did not answer is not a
-- change), heartbeat_lost_since when a running VM's guest stopped answering the heartbeat.
-- Both are written by the reconciler only, like the rest of vm_runtime.
ALTER TABLE vm_runtime ADD COLUMN known_state VARCHAR(20);
ALTER TABLE vm_runtime ADD COLUMN state_since TIMESTAMP WITH TIME ZONE;
ALTER TABLE vm_runtime ADD COLUMN heartbeat_lost_since TIMESTAMP WITH TIME ZONE;
UPDATE vm_runtime SET state_since = updated_at, known_state = CASE WHEN state = 'UNKNOWN' THEN NULL ELSE state END;

-- What the sprawl scan found: one row per condition (kind and object), kept across scans so that
-- "since when" holds and an ignored finding stays ignored. object_key identifies the object within
-- the kind (a VM's id, a VM's id and a snapshot's id, a host's id). host_id and owner are refreshed
-- by every scan; with vm_id they decide who may see the finding.
CREATE TABLE sprawl_finding (
    id              UUID          NOT NULL PRIMARY KEY,
    kind            VARCHAR(20)   NOT NULL,
    object_key      VARCHAR(200)  NOT NULL,
    object_name     VARCHAR(200)  NOT NULL,
    vm_id           UUID,
    host_id         UUID,
    owner           VARCHAR(256),
    details         VARCHAR(1000) NOT NULL,
    state           VARCHAR(10)   NOT NULL,
    since           TIMESTAMP WITH TIME ZONE NOT NULL,
    first_seen      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen       TIMESTAMP WITH TIME ZONE NOT NULL,
    action_taken_at TIMESTAMP WITH TIME ZONE,
    closed_at       TIMESTAMP WITH TIME ZONE,
    closed_by       VARCHAR(256),
    resolution      VARCHAR(1000),
    version         BIGINT        NOT NULL,
    CONSTRAINT uq_sprawl_finding UNIQUE (kind, object_key),
    CONSTRAINT ck_sprawl_finding_state CHECK (state IN ('OPEN', 'IGNORED', 'RESOLVED'))
);
CREATE INDEX ix_sprawl_finding_state ON sprawl_finding (state, kind);
CREATE INDEX ix_sprawl_finding_host ON sprawl_finding (host_id);
CREATE INDEX ix_sprawl_finding_vm ON sprawl_finding (vm_id);

-- One row per day and host group: the VMs registered there and the open findings of each kind, as
-- the last scan of that day (UTC) saw them, for the trend chart (which adds up the host groups its
-- reader may see).
CREATE TABLE sprawl_daily (
    record_day     DATE    NOT NULL,
    host_group_id  UUID    NOT NULL,
    vms            INTEGER NOT NULL,
    unmanaged      INTEGER NOT NULL,
    missing        INTEGER NOT NULL,
    lease_expired  INTEGER NOT NULL,
    idle           INTEGER NOT NULL,
    orphaned_owner INTEGER NOT NULL,
    old_snapshot   INTEGER NOT NULL,
    overcommitted  INTEGER NOT NULL,
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (record_day, host_group_id)
);
