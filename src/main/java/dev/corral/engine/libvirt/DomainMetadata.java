package dev.corral.engine.libvirt;

import dev.corral.engine.IntegrationService;
import dev.corral.engine.VmSpec;
import dev.corral.engine.VmSpec.Disk;
import dev.corral.engine.VmSpec.DiskKind;
import dev.corral.engine.VmSpec.NetworkAdapter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * Corral's {@code <corral:vm>} element inside a domain's {@code <metadata>}, and the fallbacks
 * for domains Corral did not create (read from libvirt's own elements).
 */
final class DomainMetadata {

    private DomainMetadata() {
    }

    /** @param diskPaths each disk's image file or device as resolved, which later definitions keep */
    static void write(Element metadata, VmSpec spec, List<String> diskPaths) {
        Element vm = Xml.addCorral(metadata, "vm");
        Xml.addCorral(vm, "guest-os", "family", spec.guestOs().family().name(), "name", spec.guestOs().name());
        for (int i = 0; i < spec.disks().size(); i++) {
            Disk disk = spec.disks().get(i);
            Xml.addCorral(vm, "disk", "name", disk.name(), "kind", disk.kind().name(), "bus", disk.bus().name(),
                    "size-gib", Long.toString(disk.sizeGiB()), "source", blankToNull(disk.source()),
                    "parent", blankToNull(disk.parent()), "path", diskPaths.get(i), "format", disk.format().name(),
                    "parent-format", disk.parentFormat() == null ? null : disk.parentFormat().name());
        }
        for (NetworkAdapter adapter : spec.networkAdapters()) {
            Element element = Xml.addCorral(vm, "adapter", "type", adapter.type().name(),
                    "fixed-mac", Boolean.toString(adapter.mac() != null));
            VlanXml.writeMetadata(element, adapter.vlan());
        }
        for (IntegrationService service : EnumSet.copyOf(withNone(spec.integrationServices()))) {
            Xml.addCorral(vm, "integration-service", "name", service.name());
        }
    }

    private static Set<IntegrationService> withNone(Set<IntegrationService> services) {
        return services.isEmpty() ? EnumSet.noneOf(IntegrationService.class) : services;
    }

    static VmSpec.GuestOs guestOs(Element vm) {
        Element os = vm == null ? null : Xml.element(vm, "c:guest-os");
        if (os == null) {
            return new VmSpec.GuestOs(VmSpec.GuestOs.Family.OTHER, null);
        }
        return new VmSpec.GuestOs(VmSpec.GuestOs.Family.valueOf(os.getAttribute("family")),
                Xml.attributeOrNull(os, "name"));
    }

    static Set<IntegrationService> integrationServices(Element vm) {
        Set<IntegrationService> services = EnumSet.noneOf(IntegrationService.class);
        if (vm != null) {
            for (Element element : Xml.elements(vm, "c:integration-service")) {
                services.add(IntegrationService.valueOf(element.getAttribute("name")));
            }
        }
        return services;
    }

    static Disk disk(Element vm, int index, Element device) {
        Element meta = vm == null ? null : Xml.element(vm, "c:disk[" + (index + 1) + "]");
        if (meta != null) {
            // Written before formats were recorded: the formats the kind implies, as they were then.
            String format = Xml.attributeOrNull(meta, "format");
            String parentFormat = Xml.attributeOrNull(meta, "parent-format");
            return new Disk(meta.getAttribute("name"), DiskKind.valueOf(meta.getAttribute("kind")),
                    VmSpec.Bus.valueOf(meta.getAttribute("bus")), Long.parseLong(meta.getAttribute("size-gib")),
                    Xml.attributeOrNull(meta, "source"), Xml.attributeOrNull(meta, "parent"),
                    format == null ? null : VmSpec.ImageFormat.valueOf(format),
                    parentFormat == null ? null : VmSpec.ImageFormat.valueOf(parentFormat));
        }
        String target = Xml.text(device, "target/@dev");
        VmSpec.Bus bus = "ide".equals(Xml.text(device, "target/@bus")) ? VmSpec.Bus.IDE : VmSpec.Bus.SCSI;
        String parent = Xml.textOrNull(device, "backingStore/source/@file");
        DiskKind kind;
        if ("block".equals(device.getAttribute("type"))) {
            kind = DiskKind.PASS_THROUGH;
        } else if (parent != null) {
            kind = DiskKind.DIFFERENCING;
        } else {
            kind = "qcow2".equals(Xml.text(device, "driver/@type")) ? DiskKind.DYNAMIC : DiskKind.FIXED;
        }
        String source = kind == DiskKind.PASS_THROUGH ? Xml.textOrNull(device, "source/@dev")
                : Xml.textOrNull(device, "source/@file");
        // The formats the domain states; a chain without one is read as qcow2, the only format with a parent.
        // (The kind was read from the driver type, so the format the kind implies is the stated one.)
        VmSpec.ImageFormat format = VmSpec.ImageFormat.of(kind);
        VmSpec.ImageFormat parentFormat = parent == null ? null
                : "raw".equals(Xml.textOrNull(device, "backingStore/format/@type")) ? VmSpec.ImageFormat.RAW
                : VmSpec.ImageFormat.QCOW2;
        // libvirt does not know an image's size without asking its storage; 1 GiB is the smallest a spec allows.
        return new Disk(target.isEmpty() ? "disk" + index : target, kind, bus,
                kind == DiskKind.PASS_THROUGH ? 0 : 1, source, parent, format, parentFormat);
    }

    static NetworkAdapter adapter(Element vm, int index, Element device, String network) {
        Element meta = vm == null ? null : Xml.element(vm, "c:adapter[" + (index + 1) + "]");
        String mac = Xml.textOrNull(device, "mac/@address");
        if (meta != null) {
            boolean fixed = Boolean.parseBoolean(meta.getAttribute("fixed-mac"));
            return new NetworkAdapter(VmSpec.AdapterType.valueOf(meta.getAttribute("type")), network,
                    VlanXml.readMetadata(meta), fixed ? mac : null);
        }
        String model = Xml.text(device, "model/@type");
        VmSpec.AdapterType type = switch (model) {
            case "rtl8139", "e1000", "ne2k_pci", "pcnet" -> VmSpec.AdapterType.LEGACY;
            default -> VmSpec.AdapterType.SYNTHETIC;
        };
        return new NetworkAdapter(type, network, VlanXml.read(device), mac);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
