package dev.corral.engine.libvirt;

import dev.corral.engine.HostFacts;
import dev.corral.engine.HostFacts.PhysicalAdapter;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.Interface;
import org.libvirt.LibvirtException;
import org.libvirt.NodeInfo;
import org.w3c.dom.Element;

/** Reads what a host is from node info, the capabilities XML and the host's interfaces. */
final class HostFactsReader {

    private static final long MIB = 1024 * 1024;

    private HostFactsReader() {
    }

    static HostFacts read(Connect connect, HostProfile profile, URI uri) throws LibvirtException {
        NodeInfo node = connect.nodeInfo();
        Element caps = Xml.parse(connect.getCapabilities()).getDocumentElement();
        boolean virtualization = hasCpuFeature(caps, "vmx") || hasCpuFeature(caps, "svm")
                || !Xml.elements(caps, "guest/arch/domain[@type='kvm']").isEmpty();
        String hypervisor = connect.getType() + " " + version(connect.getVersion());
        long totalMiB = node.memory / 1024;
        String hostname = connect.getHostName();
        return new HostFacts(identity(connect, caps, profile, uri, hostname), hostname, hypervisor, node.model, node.sockets * node.nodes, node.cores,
                node.threads, node.cpus, totalMiB, Math.max(0, Math.min(totalMiB, freeMemoryMiB(connect, node))),
                virtualization, hasCpuFeature(caps, "nx"), adapters(connect));
    }

    /**
     * Which machine this is: the host UUID of the capabilities, else the SMBIOS system UUID, else
     * (libvirt's test driver has neither) the node file, else the host name the hypervisor gives.
     */
    static String identity(Connect connect, Element caps, HostProfile profile, URI uri, String hostname) {
        Optional<String> uuid = uuid(Xml.textOrNull(caps, "host/uuid"));
        if (uuid.isEmpty()) {
            try {
                uuid = uuid(Xml.textOrNull(Xml.parse(connect.getSysinfo()).getDocumentElement(),
                        "system/entry[@name='uuid']"));
            } catch (LibvirtException | RuntimeException e) {
                uuid = Optional.empty(); // no sysinfo on this driver
            }
        }
        if (uuid.isPresent()) {
            return "uuid:" + uuid.get();
        }
        if (profile == HostProfile.TEST) {
            return "test:" + nodeFile(uri);
        }
        return "hostname:" + hostname.strip().toLowerCase(Locale.ROOT);
    }

    /** A UUID that names one machine; firmware placeholders (all zeros, all ones) do not. */
    private static Optional<String> uuid(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String uuid = text.strip().toLowerCase(Locale.ROOT);
        String digits = uuid.replace("-", "");
        return digits.chars().allMatch(c -> c == '0') || digits.chars().allMatch(c -> c == 'f') ? Optional.empty()
                : Optional.of(uuid);
    }

    /** The test driver's node file with links resolved ({@code /default} for its built-in host). */
    private static String nodeFile(URI uri) {
        String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/default" : uri.getPath();
        try {
            return Path.of(path).toRealPath().toString();
        } catch (IOException | RuntimeException e) {
            return Path.of(path).normalize().toString();
        }
    }

    /** A capabilities XML lists host CPU features as {@code <feature name='vmx'/>} (QEMU) or {@code <features><vmx/>}. */
    private static boolean hasCpuFeature(Element caps, String feature) {
        return !Xml.elements(caps, "host/cpu/feature[@name='" + feature + "'] | host/cpu/features/" + feature)
                .isEmpty();
    }

    static String version(long version) {
        return (version / 1_000_000) + "." + (version / 1_000 % 1_000) + "." + (version % 1_000);
    }

    /** What the host reports free, or where it cannot (test driver node files) total minus running VMs. */
    static long freeMemoryMiB(Connect connect, NodeInfo node) throws LibvirtException {
        try {
            return connect.getFreeMemory() / MIB;
        } catch (LibvirtException e) {
            long usedKiB = 0;
            for (int id : connect.listDomains()) {
                Domain domain = Natives.orNull(() -> connect.domainLookupByID(id));
                try {
                    usedKiB += domain == null ? 0 : domain.getInfo().memory;
                } finally {
                    Natives.free(domain);
                }
            }
            return node.memory / 1024 - usedKiB / 1024;
        }
    }

    /**
     * The host's physical adapters; a host that cannot list its interfaces (no netcf, ESX) reports
     * none. Loopback and bridges are not adapters; bonds count as Ethernet, VLAN interfaces as other.
     */
    private static List<PhysicalAdapter> adapters(Connect connect) {
        List<PhysicalAdapter> adapters = new ArrayList<>();
        try {
            for (String name : connect.listInterfaces()) {
                Interface iface = connect.interfaceLookupByName(name);
                try {
                    adapter(name, Xml.parse(iface.getXMLDescription(0)).getDocumentElement()).ifPresent(adapters::add);
                } finally {
                    Natives.free(iface);
                }
            }
        } catch (LibvirtException | RuntimeException e) {
            return List.of();
        }
        return adapters;
    }

    static Optional<PhysicalAdapter> adapter(String name, Element iface) {
        String type = iface.getAttribute("type");
        if ("lo".equals(name) || "bridge".equals(type)) {
            return Optional.empty();
        }
        PhysicalAdapter.Medium medium = switch (type) {
            case "ethernet", "bond" -> PhysicalAdapter.Medium.ETHERNET;
            default -> PhysicalAdapter.Medium.OTHER;
        };
        String speed = Xml.text(iface, "link/@speed");
        return Optional.of(new PhysicalAdapter(name, Xml.textOrNull(iface, "mac/@address"), medium,
                speed.matches("\\d+") ? Long.parseLong(speed) : 0));
    }

    /** kvm where the host offers it for the architecture, else qemu (TCG). */
    static String bestQemuDomainType(Connect connect, String arch) throws LibvirtException {
        Element caps = Xml.parse(connect.getCapabilities()).getDocumentElement();
        boolean kvm = !Xml.elements(caps, "guest[arch/@name='" + arch + "']/arch/domain[@type='kvm']").isEmpty();
        return kvm ? "kvm" : "qemu";
    }
}
