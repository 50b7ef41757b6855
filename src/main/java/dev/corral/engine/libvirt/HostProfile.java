package dev.corral.engine.libvirt;

import dev.corral.engine.Capability;
import dev.corral.engine.HostCapabilities;
import java.net.URI;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** What kind of libvirt host a URI names, and what that hypervisor can do through libvirt. */
enum HostProfile {
    TEST("libvirt's test driver"),
    QEMU("QEMU/KVM through libvirt"),
    HYPERV("Hyper-V through libvirt"),
    ESX("VMware ESXi through libvirt"),
    VCENTER("VMware vCenter through libvirt");

    static final Set<String> SCHEMES = Set.of("test", "qemu", "qemu+ssh", "qemu+tls", "qemu+tcp", "qemu+unix",
            "hyperv", "esx", "vpx");

    private final String description;

    HostProfile(String description) {
        this.description = description;
    }

    static HostProfile of(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "test" -> TEST;
            case "hyperv" -> HYPERV;
            case "esx" -> ESX;
            case "vpx" -> VCENTER;
            default -> QEMU;
        };
    }

    /** libvirt's domain type for this hypervisor; QEMU's (kvm or qemu) is decided per host. */
    String fixedDomainType() {
        return switch (this) {
            case TEST -> "test";
            case HYPERV -> "hyperv";
            case ESX, VCENTER -> "vmware";
            case QEMU -> null;
        };
    }

    HostCapabilities capabilities() {
        Map<Capability, String> unsupported = new EnumMap<>(Capability.class);
        switch (this) {
            case TEST -> {
                unsupported.put(Capability.INTEGRATION_SERVICE_STATUS,
                        "libvirt's test driver has no guest agent, so it cannot report integration service status.");
                unsupported.put(Capability.CONSOLE, "libvirt's test driver has no displays, so it cannot show a VM's screen.");
            }
            case HYPERV -> {
                lacks(unsupported, Capability.SNAPSHOTS, "does not support snapshots.");
                lacks(unsupported, Capability.QUICK_MIGRATION, "does not support quick migration.");
                lacks(unsupported, Capability.VLAN, "does not support 802.1Q VLAN tags.");
                lacks(unsupported, Capability.VIRTUAL_SWITCHES, "does not let Corral manage virtual switches.");
                lacks(unsupported, Capability.PASS_THROUGH_DISKS, "does not support pass-through disks.");
                lacks(unsupported, Capability.INTEGRATION_SERVICE_STATUS, "does not report integration service status.");
                lacks(unsupported, Capability.CONSOLE, "does not give Corral a VM's screen.");
            }
            case ESX, VCENTER -> {
                lacks(unsupported, Capability.QUICK_MIGRATION, "does not support quick migration.");
                lacks(unsupported, Capability.VLAN, "does not support 802.1Q VLAN tags.");
                lacks(unsupported, Capability.INTEGRATION_SERVICE_STATUS, "does not report integration service status.");
                lacks(unsupported, Capability.CONSOLE, "does not give Corral a VM's screen.");
            }
            case QEMU -> { }
        }
        return new HostCapabilities(unsupported);
    }

    private void lacks(Map<Capability, String> unsupported, Capability capability, String what) {
        unsupported.put(capability, "This host's hypervisor (" + description + ") " + what);
    }
}
