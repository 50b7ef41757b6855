-- Long operations. active_vm_id is the VM's id while the job is queued or running and null
-- after: its unique constraint lets one mutating job per VM exist at a time, across nodes.
CREATE TABLE job (
    id           UUID          NOT NULL PRIMARY KEY,
    kind         VARCHAR(40)   NOT NULL,
    vm_id        UUID,
    vm_name      VARCHAR(100),
    host_id      UUID,
    active_vm_id UUID,
    requested_by VARCHAR(256)  NOT NULL,
    state        VARCHAR(20)   NOT NULL,
    progress     INTEGER       NOT NULL,
    message      VARCHAR(2000),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE,
    finished_at  TIMESTAMP WITH TIME ZONE,
    version      BIGINT        NOT NULL,
    CONSTRAINT uq_job_active_vm UNIQUE (active_vm_id)
);
CREATE INDEX ix_job_vm ON job (vm_id);
CREATE INDEX ix_job_state ON job (state);
CREATE INDEX ix_job_created ON job (created_at);
