package dev.corral.vms;

import dev.corral.engine.VmSpec;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a user asks for when creating a VM: the host, and the VM's specification in plain values.
 * {@code diskGiB} and {@code switchName} are shorthands for one dynamic system disk and one
 * untagged synthetic adapter, used when {@code disks} or {@code networkAdapters} are not given.
 * The owner defaults to the caller; naming someone else needs vm.ownership on the host.
 */
public record NewVm(UUID hostId, String name, Integer vcpus, Long memoryMiB, VmSpec.Architecture architecture,
        VmSpec.GuestOs.Family guestFamily, String guestName, Long diskGiB, String switchName,
        List<Disk> disks, List<Adapter> networkAdapters, String owner, String purpose,
        LocalDate leaseExpires, VmLease.Action leaseAction, Map<String, String> tags) {

    /** The request with only what the first form of the API had. */
    public static NewVm basic(UUID hostId, String name, Integer vcpus, Long memoryMiB, VmSpec.GuestOs.Family guestFamily,
            Long diskGiB, String switchName) {
        return new NewVm(hostId, name, vcpus, memoryMiB, VmSpec.Architecture.X64, guestFamily, null, diskGiB, switchName,
                null, null, null, null, null, null, null);
    }

    /**
     * A virtual hard disk: fixed or dynamic (the host places its image), differencing on a parent
     * image, or a host volume passed through ({@code source}). Naming a {@code source} or a
     * {@code parent} needs vm.storage.attach. {@code format} and {@code parentFormat} state the
     * images' formats (RAW or QCOW2; by default what the kind implies, and QCOW2 for a parent): the
     * host is told, never left to guess. A pass-through disk states its volume's size, which counts
     * against quotas like every other disk.
     */
    public record Disk(String name, VmSpec.DiskKind kind, VmSpec.Bus bus, Long sizeGiB, String source, String parent,
            VmSpec.ImageFormat format, VmSpec.ImageFormat parentFormat) {

        /** A disk in the formats its kind implies. */
        public Disk(String name, VmSpec.DiskKind kind, VmSpec.Bus bus, Long sizeGiB, String source, String parent) {
            this(name, kind, bus, sizeGiB, source, parent, null, null);
        }

        /** Whether the disk names where it lives (an image, a host volume, a parent), which needs vm.storage.attach. */
        boolean namesStorage() {
            return kind == VmSpec.DiskKind.PASS_THROUGH || kind == VmSpec.DiskKind.DIFFERENCING
                    || source != null && !source.isBlank() || parent != null && !parent.isBlank();
        }
    }

    /**
     * A network adapter on a virtual switch of the host. {@code vlanMode} is untagged (default),
     * access (one {@code vlanId}) or trunk ({@code allowedVlans} such as "10,20,100-110" and an
     * optional {@code nativeVlan}).
     */
    public record Adapter(VmSpec.AdapterType type, String switchName, VlanMode vlanMode, Integer vlanId,
            String allowedVlans, Integer nativeVlan, String mac) {
    }

    public enum VlanMode { UNTAGGED, ACCESS, TRUNK }
}
