package dev.corral.vms;

import dev.corral.access.QuotaUsage;
import dev.corral.base.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/** A {@link VmChange} checked at its fields and set against the VM as it is: what is asked to change, and by how much. */
record VmEdit(int oldVcpus, int newVcpus, long oldMemoryMiB, long newMemoryMiB, String oldOwner, String newOwner,
        String newPurpose, boolean purposeChanges, java.util.Map<String, String> oldTags, java.util.Map<String, String> newTags,
        List<dev.corral.engine.VmSpec.NetworkAdapter> newAdapters) {

    static VmEdit of(Vm vm, VmChange change) {
        if (change.vcpus() != null && change.vcpus() < 1) {
            throw new InvalidInputException("vcpus", "A VM needs at least 1 virtual processor.");
        }
        if (change.memoryMiB() != null && change.memoryMiB() < 32) {
            throw new InvalidInputException("memoryMiB", "A VM needs at least 32 MiB of memory.");
        }
        String owner = change.owner() == null ? null : change.owner().strip();
        if (owner != null && owner.isEmpty()) {
            throw new InvalidInputException("owner", "Give the user name of the VM's owner.");
        }
        boolean sameOwner = owner == null || owner.equalsIgnoreCase(vm.owner());
        String purpose = change.purpose() == null ? vm.purpose() : VmTags.purpose(change.purpose());
        java.util.Map<String, String> tags = change.tags() == null ? vm.tags() : VmTags.check(change.tags());
        return new VmEdit(vm.vcpus(), change.vcpus() == null ? vm.vcpus() : change.vcpus(), vm.memoryMiB(),
                change.memoryMiB() == null ? vm.memoryMiB() : change.memoryMiB(), vm.owner(), sameOwner ? null : owner,
                purpose, !java.util.Objects.equals(purpose, vm.purpose()), vm.tags(), tags,
                change.networkAdapters() == null ? null : VmCreation.adapters(change.networkAdapters()));
    }

    /** Whether the adapters are to be replaced (compared with the host's view when the change is applied). */
    boolean rewires() {
        return newAdapters != null;
    }

    boolean retags() {
        return !oldTags.equals(newTags);
    }

    boolean resizes() {
        return oldVcpus != newVcpus || oldMemoryMiB != newMemoryMiB;
    }

    boolean isEmpty() {
        return !resizes() && newOwner == null && !purposeChanges && !retags() && !rewires();
    }

    String newOwnerOr(String current) {
        return newOwner == null ? current : newOwner;
    }

    /** What the change adds to the owner's use of their quota; negative where it shrinks. */
    QuotaUsage.Usage growth() {
        return new QuotaUsage.Usage(0, newVcpus - oldVcpus, newMemoryMiB - oldMemoryMiB, 0);
    }

    /** Before and after of each part that changes, for the audit trail and the job. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        if (oldVcpus != newVcpus) {
            parts.add("vCPUs " + oldVcpus + " → " + newVcpus);
        }
        if (oldMemoryMiB != newMemoryMiB) {
            parts.add("memory " + oldMemoryMiB + " → " + newMemoryMiB + " MiB");
        }
        if (newOwner != null) {
            parts.add("owner " + (oldOwner == null ? "none" : oldOwner) + " → " + newOwner);
        }
        if (purposeChanges) {
            parts.add("purpose → " + (newPurpose == null ? "none" : "\"" + newPurpose + "\""));
        }
        if (rewires()) {
            parts.add("network adapters → " + (newAdapters.isEmpty() ? "none" : String.join("; ", newAdapters.stream()
                    .map(a -> a.switchName() + " (" + VlanList.describe(a.vlan()) + (a.mac() == null ? "" : ", " + a.mac()) + ")")
                    .toList())));
        }
        if (retags()) {
            parts.add("tags " + (oldTags.isEmpty() ? "none" : VmTags.format(oldTags)) + " → "
                    + (newTags.isEmpty() ? "none" : VmTags.format(newTags)));
        }
        return String.join(", ", parts);
    }
}
