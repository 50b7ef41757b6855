-- What runs, as the hosts last reported it: written by the reconciler only, apart from the VM's
-- configuration so that state updates never contend with edits.
CREATE TABLE vm_runtime (
    vm_id      UUID        NOT NULL PRIMARY KEY,
    state      VARCHAR(20) NOT NULL,
    heartbeat  VARCHAR(20),
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_vm_runtime_state ON vm_runtime (state);

CREATE TABLE host_runtime (
    host_id      UUID          NOT NULL PRIMARY KEY,
    reachable    BOOLEAN       NOT NULL,
    last_contact TIMESTAMP WITH TIME ZONE,
    problem      VARCHAR(1000),
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
