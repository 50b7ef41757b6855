package dev.corral.vms;

/**
 * A change to a VM's configuration; a null leaves that part as it is. Processors and memory need
 * vm.configure, the owner vm.ownership.
 */
public record VmChange(Integer vcpus, Long memoryMiB, String owner) {

    boolean resizes() {
        return vcpus != null || memoryMiB != null;
    }

    boolean changesOwner() {
        return owner != null;
    }
}
