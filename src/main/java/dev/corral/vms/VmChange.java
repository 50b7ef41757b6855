package dev.corral.vms;

import java.util.Map;

/**
 * A change to a VM's configuration; a null leaves that part as it is. Processors, memory, purpose
 * and tags need vm.configure, the owner vm.ownership. Tags, when given, replace all the VM's tags;
 * an empty purpose clears it. Network adapters, when given, replace all the VM's adapters (the VM
 * must be off); each keeps its MAC if it gives one.
 */
public record VmChange(Integer vcpus, Long memoryMiB, String owner, String purpose, Map<String, String> tags,
        java.util.List<NewVm.Adapter> networkAdapters) {

    public VmChange(Integer vcpus, Long memoryMiB, String owner) {
        this(vcpus, memoryMiB, owner, null, null, null);
    }

    public VmChange(Integer vcpus, Long memoryMiB, String owner, String purpose, Map<String, String> tags) {
        this(vcpus, memoryMiB, owner, purpose, tags, null);
    }

    boolean rewires() {
        return networkAdapters != null;
    }

    boolean resizes() {
        return vcpus != null || memoryMiB != null;
    }

    boolean describes() {
        return purpose != null || tags != null || networkAdapters != null;
    }

    boolean changesOwner() {
        return owner != null;
    }
}
