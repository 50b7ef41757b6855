package dev.corral.vms;

import dev.corral.base.InvalidInputException;
import dev.corral.engine.EngineException;
import dev.corral.engine.IntegrationService;
import dev.corral.engine.VlanSetting;
import dev.corral.engine.VmSpec;
import dev.corral.hosts.HostSummary;
import dev.corral.hosts.HostTree;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * A create request checked into a host, a specification and the inventory's description of the
 * VM, with each problem at its field ({@code disks[1].sizeGiB}, {@code networkAdapters[0].vlanId}).
 */
record VmCreation(HostSummary host, VmSpec spec, long storageGiB, String purpose, VmLease lease, Map<String, String> tags,
        boolean adapterShorthand) {

    static VmCreation check(NewVm request, HostTree tree, LocalDate today) {
        if (request.hostId() == null) {
            throw new InvalidInputException("hostId", "Choose the host to create the VM on.");
        }
        HostSummary host = tree.host(request.hostId())
                .orElseThrow(() -> new InvalidInputException("hostId", "There is no such host."));
        require(request.vcpus(), "vcpus", "Give the number of virtual processors.");
        require(request.memoryMiB(), "memoryMiB", "Give the memory in MiB.");
        List<VmSpec.Disk> disks = disks(request);
        List<VmSpec.NetworkAdapter> adapters = adapters(request);
        String purpose = VmTags.purpose(request.purpose());
        Map<String, String> tags = VmTags.check(request.tags());
        VmLease lease = lease(request.leaseExpires(), request.leaseAction(), today);
        try {
            VmSpec spec = new VmSpec(request.name() == null ? null : request.name().strip(), request.vcpus(),
                    request.memoryMiB(), request.architecture() == null ? VmSpec.Architecture.X64 : request.architecture(),
                    new VmSpec.GuestOs(request.guestFamily() == null ? VmSpec.GuestOs.Family.OTHER : request.guestFamily(),
                            request.guestName()),
                    disks, adapters, EnumSet.allOf(IntegrationService.class));
            // Every disk counts, pass-through ones at the size they declare.
            long storage = disks.stream().mapToLong(VmSpec.Disk::sizeGiB).sum();
            return new VmCreation(host, spec, storage, purpose, lease, tags, request.networkAdapters() == null);
        } catch (EngineException.InvalidSpec e) {
            throw new InvalidInputException(fieldOf(e.getMessage()), e.getMessage());
        }
    }

    /**
     * Checks the request against the host itself, before anything is created: its processors and
     * memory, what its engine supports, and its virtual switches with the VLANs they carry.
     */
    void checkAgainst(dev.corral.engine.HostFacts facts, dev.corral.engine.HostCapabilities capabilities,
            List<dev.corral.engine.VirtualSwitch> switches) {
        String hostName = host.name();
        capabilities.whyNot(dev.corral.engine.Capability.DEFINE_VMS).ifPresent(why -> {
            throw new InvalidInputException("hostId", why);
        });
        if (spec.vcpus() > facts.logicalProcessors()) {
            throw new InvalidInputException("vcpus", hostName + " has " + facts.logicalProcessors()
                    + " logical processors; a VM on it can have at most that many virtual processors.");
        }
        if (spec.memoryMiB() > facts.memoryTotalMiB()) {
            throw new InvalidInputException("memoryMiB", hostName + " has " + facts.memoryTotalMiB()
                    + " MiB of memory in all; a VM on it cannot have more.");
        }
        for (int i = 0; i < spec.disks().size(); i++) {
            if (spec.disks().get(i).kind() == VmSpec.DiskKind.PASS_THROUGH) {
                int at = i;
                capabilities.whyNot(dev.corral.engine.Capability.PASS_THROUGH_DISKS).ifPresent(why -> {
                    throw new InvalidInputException("disks[" + at + "].source", why);
                });
            }
        }
        checkAdapters(hostName, spec.networkAdapters(), capabilities, switches, adapterShorthand);
    }

    /** A VM's adapters against a host: its capabilities, its switches and the VLANs they carry. */
    static void checkAdapters(String hostName, List<VmSpec.NetworkAdapter> adapters, dev.corral.engine.HostCapabilities capabilities,
            List<dev.corral.engine.VirtualSwitch> switches, boolean adapterShorthand) {
        Map<String, dev.corral.engine.VirtualSwitch> byName = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        switches.forEach(s -> byName.put(s.name(), s));
        for (int i = 0; i < adapters.size(); i++) {
            VmSpec.NetworkAdapter adapter = adapters.get(i);
            String at = adapters.size() == 1 && i == 0 && adapterShorthand ? "switchName" : "networkAdapters[" + i + "]";
            String suffix = at.equals("switchName") ? "" : ".";
            if (adapter.type() == VmSpec.AdapterType.LEGACY) {
                capabilities.whyNot(dev.corral.engine.Capability.LEGACY_NETWORK_ADAPTERS).ifPresent(why -> {
                    throw new InvalidInputException(at, why);
                });
            }
            dev.corral.engine.VirtualSwitch target = byName.get(adapter.switchName());
            if (target == null) {
                throw new InvalidInputException(suffix.isEmpty() ? at : at + ".switchName", hostName
                        + " has no virtual switch named " + adapter.switchName() + (switches.isEmpty() ? "; it has none."
                        : "; it has " + String.join(", ", switches.stream().map(dev.corral.engine.VirtualSwitch::name).toList()) + "."));
            }
            String vlanField = suffix.isEmpty() ? at
                    : at + (adapter.vlan() instanceof dev.corral.engine.VlanSetting.Trunk ? ".allowedVlans" : ".vlanId");
            if (!(adapter.vlan() instanceof dev.corral.engine.VlanSetting.Untagged)) {
                capabilities.whyNot(dev.corral.engine.Capability.VLAN).ifPresent(why -> {
                    throw new InvalidInputException(vlanField, why);
                });
            }
            if (!target.carries(adapter.vlan())) {
                throw new InvalidInputException(vlanField, "Switch " + target.name() + " carries VLANs "
                        + VlanList.format(target.allowedVlans()) + " only; this adapter needs "
                        + VlanList.describe(adapter.vlan()) + ".");
            }
        }
    }

    static VmLease lease(LocalDate expires, VmLease.Action action, LocalDate today) {
        if (expires == null) {
            if (action != null) {
                throw new InvalidInputException("leaseExpires", "Give the day the lease ends, or no lease action.");
            }
            return null;
        }
        if (!expires.isAfter(today)) {
            throw new InvalidInputException("leaseExpires", "A lease ends after today (" + today + ").");
        }
        if (expires.isAfter(today.plusYears(10))) {
            throw new InvalidInputException("leaseExpires", "A lease ends within ten years; for a VM meant to stay, give no lease.");
        }
        return new VmLease(expires, action);
    }

    private static List<VmSpec.Disk> disks(NewVm request) {
        if (request.disks() == null) {
            long size = request.diskGiB() == null ? 0 : request.diskGiB();
            if (size < 0 || size > 2040) {
                throw new InvalidInputException("diskGiB", "The system disk must be 1 to 2040 GiB, or none.");
            }
            return size == 0 ? List.of()
                    : List.of(new VmSpec.Disk("system", VmSpec.DiskKind.DYNAMIC, VmSpec.Bus.IDE, size, null, null));
        }
        if (request.disks().size() > 64) {
            throw new InvalidInputException("disks", "A VM has at most 64 disks.");
        }
        List<VmSpec.Disk> disks = new ArrayList<>();
        for (int i = 0; i < request.disks().size(); i++) {
            NewVm.Disk d = request.disks().get(i);
            String at = "disks[" + i + "]";
            if (d == null) {
                throw new InvalidInputException(at, "Disk " + (i + 1) + " is empty.");
            }
            VmSpec.DiskKind kind = d.kind() == null ? VmSpec.DiskKind.DYNAMIC : d.kind();
            if (d.sizeGiB() == null) {
                throw new InvalidInputException(at + ".sizeGiB", kind == VmSpec.DiskKind.PASS_THROUGH
                        ? "Give the size of pass-through disk " + (i + 1) + " in GiB: its volume counts against quotas."
                        : "Give the size of disk " + (i + 1) + " in GiB.");
            }
            if (kind == VmSpec.DiskKind.PASS_THROUGH && d.sizeGiB() < 1) {
                throw new InvalidInputException(at + ".sizeGiB", "A pass-through disk's volume has at least 1 GiB.");
            }
            String name = d.name() == null || d.name().isBlank() ? (i == 0 ? "system" : "data" + i) : d.name().strip();
            try {
                disks.add(new VmSpec.Disk(name, kind, d.bus() == null ? (i == 0 ? VmSpec.Bus.IDE : VmSpec.Bus.SCSI) : d.bus(),
                        d.sizeGiB(), blankToNull(d.source()), blankToNull(d.parent()), d.format(), d.parentFormat()));
            } catch (EngineException.InvalidSpec e) {
                String message = e.getMessage();
                String field = message.contains("parent format") ? ".parentFormat" : message.contains("format") ? ".format"
                        : message.contains("GiB") ? ".sizeGiB" : message.contains("parent") ? ".parent"
                        : message.contains("volume") || message.contains("path") ? ".source" : ".name";
                throw new InvalidInputException(at + field, message);
            }
        }
        return disks;
    }

    /** Adapters as a change gives them, checked at their fields ({@code networkAdapters[i].…}). */
    static List<VmSpec.NetworkAdapter> adapters(List<NewVm.Adapter> requested) {
        return adapters(new NewVm(null, null, null, null, null, null, null, null, null, null, requested, null, null, null,
                null, null));
    }

    private static List<VmSpec.NetworkAdapter> adapters(NewVm request) {
        if (request.networkAdapters() == null) {
            return request.switchName() == null || request.switchName().isBlank() ? List.of()
                    : List.of(adapter(new NewVm.Adapter(VmSpec.AdapterType.SYNTHETIC, request.switchName(), null, null, null,
                            null, null), "switchName"));
        }
        if (request.networkAdapters().size() > 12) {
            throw new InvalidInputException("networkAdapters", "A VM has at most 12 network adapters.");
        }
        List<VmSpec.NetworkAdapter> adapters = new ArrayList<>();
        for (int i = 0; i < request.networkAdapters().size(); i++) {
            NewVm.Adapter a = request.networkAdapters().get(i);
            if (a == null) {
                throw new InvalidInputException("networkAdapters[" + i + "]", "Network adapter " + (i + 1) + " is empty.");
            }
            adapters.add(adapter(a, "networkAdapters[" + i + "]"));
        }
        return adapters;
    }

    private static VmSpec.NetworkAdapter adapter(NewVm.Adapter a, String at) {
        boolean shorthand = at.equals("switchName");
        if (a.switchName() == null || a.switchName().isBlank()) {
            throw new InvalidInputException(shorthand ? at : at + ".switchName", "Choose the virtual switch the adapter connects to.");
        }
        VlanSetting vlan = vlan(a, at);
        try {
            return new VmSpec.NetworkAdapter(a.type() == null ? VmSpec.AdapterType.SYNTHETIC : a.type(), a.switchName().strip(),
                    vlan, a.mac());
        } catch (EngineException.InvalidSpec e) {
            String field = e.getMessage().contains("MAC") ? ".mac" : ".switchName";
            throw new InvalidInputException(shorthand ? at : at + field, e.getMessage());
        }
    }

    private static VlanSetting vlan(NewVm.Adapter a, String at) {
        NewVm.VlanMode mode = a.vlanMode() == null ? (a.vlanId() != null ? NewVm.VlanMode.ACCESS : NewVm.VlanMode.UNTAGGED)
                : a.vlanMode();
        return switch (mode) {
            case UNTAGGED -> new VlanSetting.Untagged();
            case ACCESS -> {
                if (a.vlanId() == null) {
                    throw new InvalidInputException(at + ".vlanId", "Give the adapter's VLAN (1 to 4094).");
                }
                try {
                    yield new VlanSetting.Access(a.vlanId());
                } catch (EngineException.InvalidSpec e) {
                    throw new InvalidInputException(at + ".vlanId", e.getMessage());
                }
            }
            case TRUNK -> {
                java.util.SortedSet<Integer> tags = VlanList.parse(a.allowedVlans(), at + ".allowedVlans");
                try {
                    yield new VlanSetting.Trunk(tags, a.nativeVlan());
                } catch (EngineException.InvalidSpec e) {
                    throw new InvalidInputException(at + (e.getMessage().contains("native") ? ".nativeVlan" : ".allowedVlans"),
                            e.getMessage());
                }
            }
        };
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Whether a disk of the request names where it lives, which needs vm.storage.attach. */
    static boolean namesStorage(NewVm request) {
        return request.disks() != null && request.disks().stream().anyMatch(d -> d != null && d.namesStorage());
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
            return "disks";
        }
        if (text.contains("switch")) {
            return "networkAdapters";
        }
        if (text.contains("guest")) {
            return "guestFamily";
        }
        return "name";
    }
}
