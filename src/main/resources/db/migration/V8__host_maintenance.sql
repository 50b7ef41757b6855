-- A host in maintenance mode receives no new or migrated VMs; entering it evacuates its running ones.
ALTER TABLE host ADD COLUMN maintenance BOOLEAN DEFAULT FALSE NOT NULL;
