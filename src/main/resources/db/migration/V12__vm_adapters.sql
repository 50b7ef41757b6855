-- Each VM's network adapters as the inventory knows them (written at creation, on a change, and
-- when a resync finds the host reporting something else), so that the VLAN map, switch deletion
-- and MAC uniqueness are answered by the database rather than by asking every host.
CREATE TABLE vm_adapter (
    vm_id       UUID         NOT NULL REFERENCES vm (id) ON DELETE CASCADE,
    idx         INTEGER      NOT NULL,
    host_id     UUID         NOT NULL,
    type        VARCHAR(10)  NOT NULL,
    switch_name VARCHAR(100) NOT NULL,
    vlan_mode   VARCHAR(10)  NOT NULL,
    native_vlan INTEGER,
    mac         VARCHAR(17),
    static_mac  BOOLEAN      NOT NULL,
    PRIMARY KEY (vm_id, idx)
);
CREATE INDEX ix_vm_adapter_switch ON vm_adapter (host_id, switch_name);
CREATE INDEX ix_vm_adapter_mac ON vm_adapter (mac);

-- The VLANs each adapter uses: its access tag, or every tag of its trunk.
CREATE TABLE vm_adapter_vlan (
    vm_id UUID    NOT NULL,
    idx   INTEGER NOT NULL,
    vlan  INTEGER NOT NULL,
    PRIMARY KEY (vm_id, idx, vlan),
    FOREIGN KEY (vm_id, idx) REFERENCES vm_adapter (vm_id, idx) ON DELETE CASCADE
);
CREATE INDEX ix_vm_adapter_vlan ON vm_adapter_vlan (vlan);
