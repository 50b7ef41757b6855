package dev.corral.engine.libvirt;

import dev.corral.engine.EngineException;
import dev.corral.engine.VmSpec;
import dev.corral.engine.VmSpec.Disk;
import dev.corral.engine.VmSpec.DiskKind;
import dev.corral.engine.VmSpec.NetworkAdapter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Builds a libvirt domain from a {@link VmSpec} and reads it back. What libvirt has no place for
 * (guest OS, disk kind, size and bus, adapter type, VLAN setting, integration services) goes into
 * {@code <metadata>} so that a defined spec reads back unchanged.
 */
final class DomainXml {

    static final String GUEST_AGENT_CHANNEL = "org.qemu.guest_agent.0";

    /**
     * A domain as Corral sees it.
     *
     * @param corral whether Corral created it (it carries Corral's metadata)
     */
    record Parsed(UUID id, String domainType, VmSpec spec, boolean corral) {
    }

    /**
     * What a redefined domain keeps of its previous definition: the MACs libvirt gave adapters
     * without a fixed one (by position), the image path each disk got (by disk name), and its
     * displays and video devices as they were (read with VIR_DOMAIN_XML_SECURE, so with passwords).
     */
    record Previous(List<String> macs, Map<String, String> diskPaths, List<Element> displays) {
        static final Previous NONE = new Previous(List.of(), Map.of(), List.of());

        static Previous of(String xml) {
            Element domain = Xml.parse(xml).getDocumentElement();
            List<String> macs = Xml.elements(domain, "devices/interface[source/@network]").stream()
                    .map(iface -> Xml.textOrNull(iface, "mac/@address")).toList();
            Map<String, String> paths = new HashMap<>();
            List<Element> devices = diskElements(domain);
            List<Element> metadata = Xml.elements(domain, "metadata/c:vm/c:disk");
            for (int i = 0; i < metadata.size() && i < devices.size(); i++) {
                String path = Xml.attributeOrNull(metadata.get(i), "path");
                paths.put(metadata.get(i).getAttribute("name"),
                        path != null ? path : Xml.textOrNull(devices.get(i), "source/@file"));
            }
            return new Previous(macs, paths, DisplayXml.previous(domain));
        }
    }

    private DomainXml() {
    }

    static String build(VmSpec spec, UUID id, String domainType, DiskPaths paths) {
        return build(spec, id, domainType, paths, Previous.NONE);
    }

    /**
     * @param id         the domain UUID to keep when redefining, or null for libvirt to choose
     * @param domainType libvirt's domain type (test, kvm, qemu, hyperv, vmware)
     * @param paths      where disks may be; a disk elsewhere is refused with {@link EngineException.InvalidSpec}
     */
    static String build(VmSpec spec, UUID id, String domainType, DiskPaths paths, Previous previous) {
        return build(spec, id, domainType, paths, previous, ConsoleSettings.DEFAULT);
    }

    /** @param console where a new QEMU domain's VNC display listens */
    static String build(VmSpec spec, UUID id, String domainType, DiskPaths paths, Previous previous,
            ConsoleSettings console) {
        checkXmlText(spec.guestOs().name(), "The guest operating system's name");
        List<String> diskPaths = spec.disks().stream().map(disk -> disk.kind() == DiskKind.PASS_THROUGH
                ? paths.device(spec.name(), disk)
                : paths.imageFile(spec.name(), disk, previous.diskPaths().get(disk.name()))).toList();
        Document doc = Xml.newDocument("domain");
        Element domain = doc.getDocumentElement();
        domain.setAttribute("type", domainType);
        Xml.addText(domain, "name", spec.name());
        if (id != null) {
            Xml.addText(domain, "uuid", id.toString());
        }
        DomainMetadata.write(Xml.add(domain, "metadata"), spec, diskPaths);
        Xml.addText(domain, "memory", Long.toString(spec.memoryMiB()), "unit", "MiB");
        Xml.addText(domain, "vcpu", Integer.toString(spec.vcpus()));
        Element os = Xml.add(domain, "os");
        Xml.addText(os, "type", "hvm", "arch", spec.architecture() == VmSpec.Architecture.X86 ? "i686" : "x86_64");
        Element devices = Xml.add(domain, "devices");
        Map<VmSpec.Bus, Integer> perBus = new HashMap<>();
        for (int i = 0; i < spec.disks().size(); i++) {
            Disk disk = spec.disks().get(i);
            int index = perBus.merge(disk.bus(), 1, Integer::sum) - 1;
            String parent = disk.kind() == DiskKind.DIFFERENCING ? paths.parentImage(spec.name(), disk) : null;
            addDisk(devices, disk, index, diskPaths.get(i), parent);
        }
        List<String> keptMacs = previous.macs();
        for (int i = 0; i < spec.networkAdapters().size(); i++) {
            addInterface(devices, spec.networkAdapters().get(i), i < keptMacs.size() ? keptMacs.get(i) : null);
        }
        boolean qemu = "kvm".equals(domainType) || "qemu".equals(domainType);
        if (qemu && !spec.integrationServices().isEmpty()) {
            Element channel = Xml.add(devices, "channel", "type", "unix");
            Xml.add(channel, "target", "type", "virtio", "name", GUEST_AGENT_CHANNEL);
        }
        if (qemu) {
            DisplayXml.write(devices, console, previous.displays());
        }
        return Xml.write(doc);
    }

    /**
     * Every format as the spec states it, never guessed from a file name, and every backing chain
     * ended where the spec ends it (an empty {@code <backingStore/>}): libvirt then follows no
     * backing file an image header names, so a chain never leaves the directories checked here.
     */
    private static void addDisk(Element devices, Disk disk, int index, String path, String parent) {
        boolean block = disk.kind() == DiskKind.PASS_THROUGH;
        Element element = Xml.add(devices, "disk", "type", block ? "block" : "file", "device", "disk");
        Xml.add(element, "driver", "name", "qemu", "type", formatName(disk.format()));
        Xml.add(element, "source", block ? "dev" : "file", path);
        if (parent != null) {
            Element backing = Xml.add(element, "backingStore", "type", "file");
            Xml.add(backing, "format", "type", formatName(disk.parentFormat()));
            Xml.add(backing, "source", "file", parent);
            Xml.add(backing, "backingStore");
        } else if (!block) {
            Xml.add(element, "backingStore");
        }
        boolean ide = disk.bus() == VmSpec.Bus.IDE;
        Xml.add(element, "target", "dev", (ide ? "hd" : "sd") + driveLetters(index), "bus", ide ? "ide" : "scsi");
    }

    static String formatName(VmSpec.ImageFormat format) {
        return format == VmSpec.ImageFormat.RAW ? "raw" : "qcow2";
    }

    private static List<Element> diskElements(Element domain) {
        return Xml.elements(domain, "devices/disk[@device='disk' or not(@device)]");
    }

    /** a, b, ... z, aa, ab ... as libvirt and Linux name drives. */
    static String driveLetters(int index) {
        StringBuilder letters = new StringBuilder();
        int n = index;
        do {
            letters.insert(0, (char) ('a' + n % 26));
            n = n / 26 - 1;
        } while (n >= 0);
        return letters.toString();
    }

    private static void addInterface(Element devices, NetworkAdapter adapter, String keptMac) {
        Element element = Xml.add(devices, "interface", "type", "network");
        String mac = adapter.mac() != null ? adapter.mac() : keptMac;
        if (mac != null) {
            Xml.add(element, "mac", "address", mac);
        }
        Xml.add(element, "source", "network", adapter.switchName());
        VlanXml.write(element, adapter.vlan());
        // Hyper-V's legacy adapter is an emulated DEC 21140; rtl8139 is QEMU's equally old, driver-everywhere NIC.
        Xml.add(element, "model", "type", adapter.type() == VmSpec.AdapterType.LEGACY ? "rtl8139" : "virtio");
    }

    private static void checkXmlText(String text, String what) {
        boolean bad = text.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r'
                || c == 0xFFFE || c == 0xFFFF);
        if (bad) {
            throw new EngineException.InvalidSpec(what + " contains control characters.");
        }
    }

    /** Reads a domain; throws {@link EngineException.InvalidSpec} if it cannot be shown as a Corral VM. */
    static Parsed parse(String xml) {
        Document doc = Xml.parse(xml);
        Element domain = doc.getDocumentElement();
        String uuid = Xml.text(domain, "uuid");
        Element metadata = Xml.element(domain, "metadata/c:vm");
        List<Element> diskElements = diskElements(domain);
        List<Element> interfaces = Xml.elements(domain, "devices/interface");
        List<Disk> disks = new ArrayList<>();
        for (int i = 0; i < diskElements.size(); i++) {
            disks.add(DomainMetadata.disk(metadata, i, diskElements.get(i)));
        }
        List<NetworkAdapter> adapters = new ArrayList<>();
        for (int i = 0; i < interfaces.size(); i++) {
            String network = Xml.textOrNull(interfaces.get(i), "source/@network");
            if (network != null) {
                adapters.add(DomainMetadata.adapter(metadata, i, interfaces.get(i), network));
            }
        }
        VmSpec spec = new VmSpec(Xml.text(domain, "name"), Integer.parseInt(Xml.text(domain, "vcpu")),
                memoryMiB(Xml.element(domain, "memory")), architecture(Xml.text(domain, "os/type/@arch")),
                DomainMetadata.guestOs(metadata), disks, adapters, DomainMetadata.integrationServices(metadata));
        return new Parsed(UUID.fromString(uuid), domain.getAttribute("type"), spec, metadata != null);
    }

    /**
     * The images and devices a domain's disks use, read leniently so that any domain answers:
     * what they write (their sources), or with {@code backing} what they only read (backing files).
     */
    static java.util.Set<String> diskPaths(String xml, boolean backing) {
        Element domain = Xml.parse(xml).getDocumentElement();
        java.util.Set<String> paths = new java.util.HashSet<>();
        for (Element source : Xml.elements(domain, backing ? "devices/disk//backingStore/source" : "devices/disk/source")) {
            for (String attribute : List.of("file", "dev")) {
                String value = Xml.attributeOrNull(source, attribute);
                if (value != null && !value.isBlank()) {
                    paths.add(java.nio.file.Path.of(value.strip()).normalize().toString());
                }
            }
        }
        return paths;
    }

    /** The networks a domain's adapters use, read leniently so that any domain answers. */
    static List<String> networksUsed(String xml) {
        return Xml.elements(Xml.parse(xml).getDocumentElement(), "devices/interface/source[@network]").stream()
                .map(source -> source.getAttribute("network")).toList();
    }

    private static VmSpec.Architecture architecture(String arch) {
        return switch (arch) {
            case "i686", "i386", "i586" -> VmSpec.Architecture.X86;
            case "x86_64" -> VmSpec.Architecture.X64;
            default -> throw new EngineException.InvalidSpec("Corral manages x86 and x64 VMs, not " + arch + ".");
        };
    }

    static long memoryMiB(Element memory) {
        long value = Long.parseLong(memory.getTextContent().strip());
        String unit = memory.hasAttribute("unit") ? memory.getAttribute("unit") : "KiB";
        double bytes = switch (unit) {
            case "b", "bytes" -> value;
            case "KB" -> value * 1000.0;
            case "k", "KiB" -> value * 1024.0;
            case "MB" -> value * 1e6;
            case "M", "MiB" -> value * 1048576.0;
            case "GB" -> value * 1e9;
            case "G", "GiB" -> value * 1073741824.0;
            case "TB" -> value * 1e12;
            case "T", "TiB" -> value * 1099511627776.0;
            default -> throw new EngineException.InvalidSpec("Unknown memory unit " + unit + ".");
        };
        return (long) Math.floor(bytes / 1048576.0);
    }
}
