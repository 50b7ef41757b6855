package dev.corral.hosts;

import java.util.List;
import java.util.UUID;

/**
 * What the VMs registered on a host take from it. Implemented by the VMs feature, which owns
 * them; declared here so that hosts never depend on VMs (the features must not form a cycle).
 */
public interface HostAllocation {

    /** The count, vCPUs and memory of the VMs registered on the host. */
    Allocation on(UUID hostId);

    /** The allocation of every host that has VMs registered, counted in one query. */
    java.util.Map<UUID, Allocation> all();

    /** The VMs registered on the host, by name. */
    List<HostedVm> vmsOn(UUID hostId);

    record Allocation(int vms, long vcpus, long memoryMiB) {
        public static final Allocation NONE = new Allocation(0, 0, 0);
    }

    record HostedVm(UUID id, String name, String owner) {
    }
}
