-- Networking per host: which physical adapter is its management adapter (set by an
-- administrator), and the host's physical adapters and virtual switches as Corral last read them.
-- The switch tables are a cache of what the hosts report, so that lists and the VLAN map do not
-- ask every host each time: rewritten when Corral changes a switch, when Corral reads a host's
-- switches (a switch's page, a change, a refresh) and every few minutes in the background.
CREATE TABLE host_network (
    host_id            UUID          NOT NULL PRIMARY KEY REFERENCES host (id) ON DELETE CASCADE,
    management_adapter VARCHAR(100),
    read_at            TIMESTAMP WITH TIME ZONE,
    read_problem       VARCHAR(1000)
);

CREATE TABLE host_adapter (
    host_id    UUID         NOT NULL REFERENCES host_network (host_id) ON DELETE CASCADE,
    name       VARCHAR(100) NOT NULL,
    mac        VARCHAR(17),
    medium     VARCHAR(10)  NOT NULL,
    speed_mbps BIGINT       NOT NULL,
    PRIMARY KEY (host_id, name)
);

-- A switch's id is derived from its host and its name (names are unique per host, regardless of
-- case), so it stays the same across re-reads.
CREATE TABLE virtual_switch (
    id               UUID         NOT NULL PRIMARY KEY,
    host_id          UUID         NOT NULL REFERENCES host_network (host_id) ON DELETE CASCADE,
    name             VARCHAR(100) NOT NULL,
    kind             VARCHAR(10)  NOT NULL,
    physical_adapter VARCHAR(100),
    CONSTRAINT uq_virtual_switch_name UNIQUE (host_id, name)
);
CREATE INDEX ix_virtual_switch_name ON virtual_switch (name);

-- The VLANs a switch carries, as ranges (a switch that carries 1-4094 is one row); none: any VLAN.
CREATE TABLE virtual_switch_vlan (
    switch_id  UUID    NOT NULL REFERENCES virtual_switch (id) ON DELETE CASCADE,
    first_vlan INTEGER NOT NULL,
    last_vlan  INTEGER NOT NULL,
    PRIMARY KEY (switch_id, first_vlan),
    CONSTRAINT ck_virtual_switch_vlan CHECK (first_vlan BETWEEN 1 AND 4094 AND last_vlan BETWEEN first_vlan AND 4094)
);
CREATE INDEX ix_virtual_switch_vlan ON virtual_switch_vlan (first_vlan, last_vlan);
