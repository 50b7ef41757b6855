package dev.corral.engine.libvirt;

import dev.corral.engine.Capability;
import dev.corral.engine.EngineException;
import dev.corral.engine.HostFacts;
import dev.corral.engine.VirtualSwitch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.libvirt.Network;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Virtual switches as libvirt networks. */
final class Switches {

    private static final Logger log = LoggerFactory.getLogger(Switches.class);
    /** virNetworkXMLFlags: the persistent definition, not the running one. */
    private static final int XML_INACTIVE = 1;
    /** virConnectListAllDomainsFlags: running (and paused) domains only. */
    private static final int LIST_ACTIVE = 1;

    private final LibvirtHost host;
    private final Supplier<HostFacts> facts;

    Switches(LibvirtHost host, Supplier<HostFacts> facts) {
        this.host = host;
        this.facts = facts;
    }

    List<VirtualSwitch> list() {
        return host.call("Could not list the virtual switches of host " + host.label, this::list);
    }

    private List<VirtualSwitch> list(Connect connect) throws LibvirtException {
        List<String> names = new ArrayList<>(List.of(connect.listNetworks()));
        names.addAll(List.of(connect.listDefinedNetworks()));
        List<VirtualSwitch> switches = new ArrayList<>();
        for (String name : names) {
            try {
                NetworkXml.Parsed parsed = SpecChecks.network(host, connect, name);
                if (parsed != null) {
                    switches.add(parsed.virtualSwitch());
                }
            } catch (EngineException.InvalidSpec e) {
                log.warn("Skipping a network: {}", e.getMessage());
            }
        }
        switches.sort(Comparator.comparing(VirtualSwitch::name, String.CASE_INSENSITIVE_ORDER));
        return switches;
    }

    VirtualSwitch create(VirtualSwitch spec) {
        host.capabilities.require(Capability.VIRTUAL_SWITCHES);
        if (!spec.allowedVlans().isEmpty()) {
            host.capabilities.require(Capability.VLAN);
            // Real libvirt refuses <vlan> in any other network's portgroups.
            if (spec.kind() != VirtualSwitch.Kind.EXTERNAL) {
                throw vlansNeedOpenVswitch(spec.name());
            }
        }
        if (spec.kind() == VirtualSwitch.Kind.EXTERNAL) {
            requireEthernetAdapter(spec);
        }
        String doing = "Could not create virtual switch " + spec.name() + " on host " + host.label;
        return host.call(doing, connect -> {
            checkFree(connect, spec);
            Network network = connect.networkDefineXML(NetworkXml.build(spec));
            try {
                network.setAutostart(true);
                network.create();
                return NetworkXml.parse(network.getXMLDesc(0)).virtualSwitch();
            } catch (LibvirtException e) {
                undefineQuietly(network);
                throw host.fail(connect, e, doing);
            } finally {
                Natives.free(network);
            }
        });
    }

    /**
     * Redefines the switch's network with the VLANs and adapter asked, keeping its uuid and what
     * Corral does not manage. An active network takes a new definition only when it restarts,
     * which would cut off the VMs running on it: then the change is refused, naming them.
     */
    VirtualSwitch update(VirtualSwitch spec) {
        host.capabilities.require(Capability.VIRTUAL_SWITCHES);
        String doing = "Could not change virtual switch " + spec.name() + " on host " + host.label;
        return host.call(doing, connect -> {
            Network network = Natives.orNotFound(() -> connect.networkLookupByName(spec.name()),
                    () -> "Host " + host.label + " has no virtual switch named " + spec.name() + ".");
            try {
                String before = persistentXml(network);
                NetworkXml.Parsed current = parse(before, spec.name());
                VirtualSwitch existing = current.virtualSwitch();
                VirtualSwitch wanted = new VirtualSwitch(existing.name(), spec.kind(), spec.physicalAdapter(),
                        spec.allowedVlans());
                check(connect, current, NetworkXml.madeByCorral(before), wanted);
                if (wanted.equals(existing)) {
                    return existing;
                }
                boolean active = network.isActive() == 1;
                List<String> running = active ? runningUsers(connect, existing.name()) : List.of();
                if (!running.isEmpty()) {
                    throw new EngineException.InvalidState("Virtual switch " + existing.name() + " on host " + host.label
                            + " carries running VM " + String.join(", ", running) + ": libvirt applies a changed network "
                            + "only by restarting it, which would disconnect them. Shut them down or save them first.");
                }
                return redefine(connect, network, before, NetworkXml.rewrite(before, wanted), active, doing);
            } catch (LibvirtException e) {
                throw host.fail(connect, e, doing);
            } finally {
                Natives.free(network);
            }
        });
    }

    private NetworkXml.Parsed parse(String xml, String name) {
        try {
            return NetworkXml.parse(xml);
        } catch (EngineException.InvalidSpec | IllegalArgumentException e) {
            throw new EngineException.InvalidSpec("Switch " + name + " on host " + host.label
                    + " is configured in a way Corral cannot change: " + e.getMessage());
        }
    }

    /** What may change: the VLANs (on Open vSwitch networks) and an external switch's adapter, if Corral made it. */
    private void check(Connect connect, NetworkXml.Parsed current, boolean madeByCorral, VirtualSwitch wanted)
            throws LibvirtException {
        VirtualSwitch existing = current.virtualSwitch();
        if (wanted.kind() != existing.kind()) {
            throw new EngineException.InvalidSpec("Switch " + existing.name() + " is " + kind(existing.kind())
                    + "; a switch's kind does not change. Create a new switch instead.");
        }
        if (!wanted.allowedVlans().isEmpty()) {
            host.capabilities.require(Capability.VLAN);
            if (!current.openVswitch()) {
                throw vlansNeedOpenVswitch(existing.name());
            }
        }
        if (wanted.kind() == VirtualSwitch.Kind.EXTERNAL && !wanted.physicalAdapter().equals(existing.physicalAdapter())) {
            if (!madeByCorral) {
                throw new EngineException.Unsupported("Switch " + existing.name() + " was set up on host " + host.label
                        + " outside Corral; change its physical adapter there.");
            }
            requireEthernetAdapter(wanted);
            checkAdapterFree(connect, wanted);
        }
    }

    /**
     * Stops an active network, defines the new XML and starts it again (libvirt's test driver
     * would keep a running network's old definition); puts the old definition back if that fails.
     */
    private VirtualSwitch redefine(Connect connect, Network network, String before, String after, boolean active,
            String doing) throws LibvirtException {
        if (active) {
            network.destroy();
        }
        Network changed;
        try {
            changed = connect.networkDefineXML(after);
        } catch (LibvirtException e) {
            restore(connect, before, active);
            throw host.fail(connect, e, doing);
        }
        try {
            if (active) {
                try {
                    changed.create();
                } catch (LibvirtException e) {
                    restore(connect, before, active);
                    throw host.fail(connect, e, doing);
                }
            }
            return NetworkXml.parse(persistentXml(changed)).virtualSwitch();
        } finally {
            Natives.free(changed);
        }
    }

    /** The network's persistent definition; libvirt's test driver keeps only one, and refuses the flag. */
    private String persistentXml(Network network) throws LibvirtException {
        return network.getXMLDesc(host.profile == HostProfile.TEST ? 0 : XML_INACTIVE);
    }

    private static void restore(Connect connect, String before, boolean active) {
        try {
            Network old = connect.networkDefineXML(before);
            try {
                if (active && old.isActive() != 1) {
                    old.create();
                }
            } finally {
                Natives.free(old);
            }
        } catch (LibvirtException e) {
            log.warn("Could not restore a network's previous definition: {}", LibvirtErrors.message(e));
        }
    }

    private static EngineException vlansNeedOpenVswitch(String name) {
        return new EngineException.InvalidSpec("Switch " + name + " cannot carry VLANs: on libvirt hosts only an external "
                + "(Open vSwitch) switch carries 802.1Q VLAN tags.");
    }

    private static String kind(VirtualSwitch.Kind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Switch names are unique regardless of case, and an adapter backs one switch at most, as on Hyper-V. */
    private void checkFree(Connect connect, VirtualSwitch spec) throws LibvirtException {
        for (VirtualSwitch existing : list(connect)) {
            if (existing.name().equalsIgnoreCase(spec.name())) {
                throw new EngineException.InvalidSpec("Host " + host.label + " already has a virtual switch named "
                        + existing.name() + ".");
            }
            if (spec.physicalAdapter() != null && spec.physicalAdapter().equals(existing.physicalAdapter())) {
                throw new EngineException.InvalidSpec("Adapter " + spec.physicalAdapter() + " already backs switch "
                        + existing.name() + ".");
            }
        }
    }

    /** An adapter backs one switch at most; the switch being changed does not count. */
    private void checkAdapterFree(Connect connect, VirtualSwitch spec) throws LibvirtException {
        for (VirtualSwitch existing : list(connect)) {
            if (!existing.name().equalsIgnoreCase(spec.name()) && spec.physicalAdapter().equals(existing.physicalAdapter())) {
                throw new EngineException.InvalidSpec("Adapter " + spec.physicalAdapter() + " already backs switch "
                        + existing.name() + ".");
            }
        }
    }

    private void requireEthernetAdapter(VirtualSwitch spec) {
        boolean found = facts.get().adapters().stream().anyMatch(a -> a.name().equals(spec.physicalAdapter())
                && a.medium() == HostFacts.PhysicalAdapter.Medium.ETHERNET);
        if (!found) {
            throw new EngineException.InvalidSpec("External switch " + spec.name() + " needs an Ethernet adapter of host "
                    + host.label + "; " + spec.physicalAdapter() + " is not one.");
        }
    }

    private static void undefineQuietly(Network network) {
        try {
            network.undefine();
        } catch (LibvirtException e) {
            log.warn("Could not remove a half-created network: {}", LibvirtErrors.message(e));
        }
    }

    void delete(String name) {
        host.capabilities.require(Capability.VIRTUAL_SWITCHES);
        String doing = "Could not delete virtual switch " + name + " on host " + host.label;
        host.call(doing, connect -> {
            Network network = Natives.orNotFound(() -> connect.networkLookupByName(name),
                    () -> "Host " + host.label + " has no virtual switch named " + name + ".");
            try {
                List<String> users = users(connect, name);
                if (!users.isEmpty()) {
                    throw new EngineException.InvalidState("Virtual switch " + name + " is in use by VM "
                            + String.join(", ", users) + "; connect their adapters elsewhere first.");
                }
                if (network.isActive() == 1) {
                    network.destroy();
                }
                network.undefine();
            } catch (LibvirtException e) {
                throw host.fail(connect, e, doing);
            } finally {
                Natives.free(network);
            }
            return null;
        });
    }

    /** The running VMs with an adapter on the network now. */
    private static List<String> runningUsers(Connect connect, String network) throws LibvirtException {
        List<String> users = new ArrayList<>();
        Domain[] domains = connect.listAllDomains(LIST_ACTIVE);
        try {
            for (Domain domain : domains) {
                if (DomainXml.networksUsed(domain.getXMLDesc(0)).contains(network)) {
                    users.add(domain.getName());
                }
            }
        } finally {
            Natives.free((Object) domains);
        }
        users.sort(String.CASE_INSENSITIVE_ORDER);
        return users;
    }

    /** The VMs whose configuration or running instance has an adapter on the network. */
    private static List<String> users(Connect connect, String network) throws LibvirtException {
        List<String> users = new ArrayList<>();
        Domain[] domains = connect.listAllDomains(0);
        try {
            for (Domain domain : domains) {
                boolean uses = DomainXml.networksUsed(domain.getXMLDesc(LibvirtHost.XML_INACTIVE)).contains(network)
                        || domain.isActive() == 1 && DomainXml.networksUsed(domain.getXMLDesc(0)).contains(network);
                if (uses) {
                    users.add(domain.getName());
                }
            }
        } finally {
            Natives.free((Object) domains);
        }
        users.sort(String.CASE_INSENSITIVE_ORDER);
        return users;
    }
}
