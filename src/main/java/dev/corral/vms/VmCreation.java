package dev.corral.vms;

import dev.corral.base.InvalidInputException;
import dev.corral.engine.EngineException;
import dev.corral.engine.IntegrationService;
import dev.corral.engine.VmSpec;
import dev.corral.hosts.HostSummary;
import dev.corral.hosts.HostTree;
import java.util.EnumSet;
import java.util.List;

/** A create request checked into a host and a specification, with each problem at its field. */
record VmCreation(HostSummary host, VmSpec spec, long storageGiB) {

    static VmCreation check(NewVm request, HostTree tree) {
        if (request.hostId() == null) {
            throw new InvalidInputException("hostId", "Choose the host to create the VM on.");
        }
        HostSummary host = tree.host(request.hostId())
                .orElseThrow(() -> new InvalidInputException("hostId", "There is no such host."));
        require(request.vcpus(), "vcpus", "Give the number of virtual processors.");
        require(request.memoryMiB(), "memoryMiB", "Give the memory in MiB.");
        long disk = request.diskGiB() == null ? 0 : request.diskGiB();
        try {
            List<VmSpec.Disk> disks = disk == 0 ? List.of() : List.of(new VmSpec.Disk("system", VmSpec.DiskKind.DYNAMIC,
                    VmSpec.Bus.IDE, disk, null, null));
            List<VmSpec.NetworkAdapter> adapters = request.switchName() == null || request.switchName().isBlank() ? List.of()
                    : List.of(new VmSpec.NetworkAdapter(VmSpec.AdapterType.SYNTHETIC, request.switchName(), null, null));
            VmSpec spec = new VmSpec(request.name() == null ? null : request.name().strip(), request.vcpus(),
                    request.memoryMiB(), request.architecture() == null ? VmSpec.Architecture.X64 : request.architecture(),
                    new VmSpec.GuestOs(request.guestFamily() == null ? VmSpec.GuestOs.Family.OTHER : request.guestFamily(),
                            request.guestName()),
                    disks, adapters, EnumSet.allOf(IntegrationService.class));
            return new VmCreation(host, spec, disk);
        } catch (EngineException.InvalidSpec e) {
            throw new InvalidInputException(fieldOf(e.getMessage()), e.getMessage());
        }
    }

    private static void require(Number value, String field, String message) {
        if (value == null) {
            throw new InvalidInputException(field, message);
        }
    }

    /** The form field a specification message is about. */
    static String fieldOf(String message) {
        String text = message.toLowerCase();
        if (text.contains("virtual processor")) {
            return "vcpus";
        }
        if (text.contains("memory") || text.contains("mib")) {
            return "memoryMiB";
        }
        if (text.contains("disk")) {
            return "diskGiB";
        }
        if (text.contains("switch")) {
            return "switchName";
        }
        if (text.contains("guest")) {
            return "guestFamily";
        }
        return "name";
    }
}
