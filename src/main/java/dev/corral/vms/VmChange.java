package dev.corral.vms;

import java.util.Map;

/**
 * A change to a VM's configuration; a null leaves that part as it is. Processors, memory, purpose
 * and tags need vm.configure, the owner vm.ownership. Tags, when given, replace all the VM's tags;
 * an empty purpose clears it.
 */
public record VmChange(Integer vcpus, Long memoryMiB, String owner, String purpose, Map<String, String> tags) {

    public VmChange(Integer vcpus, Long memoryMiB, String owner) {
        this(vcpus, memoryMiB, owner, null, null);
    }

    boolean resizes() {
        return vcpus != null || memoryMiB != null;
    }

    boolean describes() {
        return purpose != null || tags != null;
    }

    boolean changesOwner() {
        return owner != null;
    }
}
