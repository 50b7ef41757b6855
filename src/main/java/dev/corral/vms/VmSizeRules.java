package dev.corral.vms;

import dev.corral.engine.VmSpec;
import java.util.UUID;

/**
 * Limits on one VM's size that depend on the host's hypervisor generation (e.g. Hyper-V 2008: 4
 * virtual processors, 64 GiB). Implemented outside the VMs feature; a breach is an
 * {@link dev.corral.base.InvalidInputException} at the field ({@code vcpus} or {@code memoryMiB}).
 */
public interface VmSizeRules {

    void check(UUID hostId, VmSpec.Architecture architecture, VmSpec.GuestOs.Family guestFamily, int vcpus, long memoryMiB);
}
