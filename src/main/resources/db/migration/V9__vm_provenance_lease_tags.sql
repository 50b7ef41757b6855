-- Why a VM exists and for how long: its purpose, who created it and when, an optional lease
-- (expiry date and what happens then), and free key/value tags that the grid filters on.
ALTER TABLE vm ADD COLUMN architecture VARCHAR(10) DEFAULT 'X64' NOT NULL;
ALTER TABLE vm ADD COLUMN guest_name VARCHAR(100);
ALTER TABLE vm ADD COLUMN purpose VARCHAR(500);
ALTER TABLE vm ADD COLUMN created_by VARCHAR(256);
ALTER TABLE vm ADD COLUMN created_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE vm ADD COLUMN lease_expires DATE;
ALTER TABLE vm ADD COLUMN lease_action VARCHAR(20);
CREATE INDEX ix_vm_lease ON vm (lease_expires);
CREATE INDEX ix_vm_name ON vm (name);

CREATE TABLE vm_tag (
    vm_id     UUID         NOT NULL REFERENCES vm (id) ON DELETE CASCADE,
    tag_key   VARCHAR(40)  NOT NULL,
    tag_value VARCHAR(100) NOT NULL,
    PRIMARY KEY (vm_id, tag_key)
);
CREATE INDEX ix_vm_tag ON vm_tag (tag_key, tag_value);
