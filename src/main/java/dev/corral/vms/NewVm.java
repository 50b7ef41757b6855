package dev.corral.vms;

import dev.corral.engine.VmSpec;
import java.util.UUID;

/** What a user asks for when creating a VM: the host, and the VM's specification in plain values. */
public record NewVm(UUID hostId, String name, Integer vcpus, Long memoryMiB, VmSpec.Architecture architecture,
        VmSpec.GuestOs.Family guestFamily, String guestName, Long diskGiB, String switchName) {
}
