package dev.corral.engine.libvirt;

import dev.corral.engine.Capability;
import dev.corral.engine.EngineException;
import dev.corral.engine.VirtualSwitch;
import dev.corral.engine.VlanSetting;
import dev.corral.engine.VmSpec;
import java.util.Set;
import java.util.UUID;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.libvirt.Network;
import org.libvirt.NodeInfo;

/**
 * What Corral checks before defining a VM, because libvirt (its test driver above all) does not:
 * unique names, processors and memory, switches, and where VLAN tags may go.
 */
final class SpecChecks {

    private SpecChecks() {
    }

    /** @param self the VM being changed, or null for a new one */
    static void check(LibvirtHost host, Connect connect, VmSpec spec, UUID self) throws LibvirtException {
        if (spec.hasPassThroughDisk()) {
            host.capabilities.require(Capability.PASS_THROUGH_DISKS);
        }
        if (spec.networkAdapters().stream().anyMatch(a -> a.type() == VmSpec.AdapterType.LEGACY)) {
            host.capabilities.require(Capability.LEGACY_NETWORK_ADAPTERS);
        }
        checkNameIsFree(host, connect, spec.name(), self);
        NodeInfo node = connect.nodeInfo();
        if (spec.vcpus() > node.cpus) {
            throw new EngineException.Capacity("VM " + spec.name() + " asks for " + spec.vcpus()
                    + " virtual processors, but host " + host.label + " has only " + node.cpus
                    + " logical processors.");
        }
        long totalMiB = node.memory / 1024;
        if (spec.memoryMiB() > totalMiB) {
            throw new EngineException.Capacity("Host " + host.label + " has " + totalMiB + " MiB of memory; VM "
                    + spec.name() + " cannot have " + spec.memoryMiB() + " MiB.");
        }
        for (VmSpec.NetworkAdapter adapter : spec.networkAdapters()) {
            checkAdapter(host, connect, spec.name(), adapter);
        }
    }

    /**
     * No other domain of the host uses an image or device the new definition writes (its disks'
     * sources, including the paths Corral chose, which a renamed VM keeps), and none writes to a
     * parent it reads: two writers corrupt an image, and another VM's image is another tenant's data.
     *
     * @param xml  the definition about to be given to libvirt, with every path resolved
     * @param self the VM being changed, or null for a new one
     */
    static void requireImagesUnused(LibvirtHost host, Connect connect, String vm, String xml, UUID self)
            throws LibvirtException {
        Set<String> writes = DomainXml.diskPaths(xml, false);
        Set<String> reads = DomainXml.diskPaths(xml, true);
        if (writes.isEmpty() && reads.isEmpty()) {
            return;
        }
        Domain[] domains = connect.listAllDomains(0);
        try {
            for (Domain domain : domains) {
                if (self != null && self.toString().equalsIgnoreCase(domain.getUUIDString())) {
                    continue;
                }
                String other = domain.getXMLDesc(LibvirtHost.XML_INACTIVE);
                Set<String> theirWrites = DomainXml.diskPaths(other, false);
                Set<String> theirReads = DomainXml.diskPaths(other, true);
                for (String path : writes) {
                    if (theirWrites.contains(path) || theirReads.contains(path)) {
                        throw new EngineException.InvalidSpec("VM " + vm + ": " + path + " is already used by VM "
                                + domain.getName() + " on host " + host.label + ".");
                    }
                }
                for (String path : reads) {
                    if (theirWrites.contains(path)) {
                        throw new EngineException.InvalidSpec("VM " + vm + ": parent " + path + " is a disk VM "
                                + domain.getName() + " on host " + host.label + " writes to.");
                    }
                }
            }
        } finally {
            Natives.free((Object) domains);
        }
    }

    /** Names are unique regardless of case, as on Hyper-V (libvirt itself tells web01 and WEB01 apart). */
    static void checkNameIsFree(LibvirtHost host, Connect connect, String name, UUID self) throws LibvirtException {
        Domain[] domains = connect.listAllDomains(0);
        try {
            for (Domain domain : domains) {
                if (domain.getName().equalsIgnoreCase(name)
                        && (self == null || !self.toString().equalsIgnoreCase(domain.getUUIDString()))) {
                    throw new EngineException.InvalidSpec("Host " + host.label + " already has a VM named "
                            + domain.getName() + ".");
                }
            }
        } finally {
            Natives.free((Object) domains);
        }
    }

    private static void checkAdapter(LibvirtHost host, Connect connect, String vm, VmSpec.NetworkAdapter adapter)
            throws LibvirtException {
        NetworkXml.Parsed network = network(host, connect, adapter.switchName());
        if (network == null) {
            throw new EngineException.InvalidSpec("VM " + vm + ": virtual switch " + adapter.switchName()
                    + " does not exist on host " + host.label + ".");
        }
        if (adapter.vlan() instanceof VlanSetting.Untagged) {
            return;
        }
        host.capabilities.require(Capability.VLAN);
        // Real libvirt puts <vlan> only on Open vSwitch networks (and passthrough devices); the test driver takes any.
        if (!network.openVswitch()) {
            throw new EngineException.InvalidSpec("VM " + vm + " cannot use a VLAN on switch " + adapter.switchName()
                    + ": VLAN tags need an external (Open vSwitch) switch on libvirt hosts.");
        }
        VirtualSwitch sw = network.virtualSwitch();
        if (!sw.carries(adapter.vlan())) {
            throw new EngineException.InvalidSpec("VM " + vm + ": switch " + sw.name() + " carries only VLANs "
                    + sw.allowedVlans() + ", not the adapter's " + describe(adapter.vlan()) + ".");
        }
    }

    private static String describe(VlanSetting vlan) {
        return switch (vlan) {
            case VlanSetting.Untagged untagged -> "untagged traffic";
            case VlanSetting.Access access -> "VLAN " + access.tag();
            case VlanSetting.Trunk trunk -> "trunk of VLANs " + trunk.tags();
        };
    }

    /** The named network, or null if the host has none by that name. */
    static NetworkXml.Parsed network(LibvirtHost host, Connect connect, String name) throws LibvirtException {
        Network network = Natives.orNull(() -> connect.networkLookupByName(name));
        if (network == null) {
            return null;
        }
        try {
            return NetworkXml.parse(network.getXMLDesc(0));
        } catch (EngineException.InvalidSpec | IllegalArgumentException e) {
            throw new EngineException.InvalidSpec("Switch " + name + " on host " + host.label
                    + " is configured in a way Corral cannot use: " + e.getMessage());
        } finally {
            Natives.free(network);
        }
    }
}
