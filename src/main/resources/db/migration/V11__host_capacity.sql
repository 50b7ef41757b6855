-- A host's physical capacity as it last reported it, so that the dashboard can set what the VMs
-- are allocated against it without asking every host.
ALTER TABLE host_runtime ADD COLUMN logical_processors INTEGER;
ALTER TABLE host_runtime ADD COLUMN memory_total_mib BIGINT;
