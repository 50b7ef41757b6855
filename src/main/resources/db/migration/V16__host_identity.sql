-- Which machine a host is, as its hypervisor says (libvirt's host UUID, a simulated host's name),
-- so that a second spelling of its URI is not a second host. Hosts registered before are
-- identified when Corral next reads their facts; until then it is unknown (null), which the
-- unique index allows any number of times.
ALTER TABLE host ADD COLUMN hypervisor_identity VARCHAR(300);
CREATE UNIQUE INDEX ux_host_hypervisor_identity ON host (hypervisor_identity);
