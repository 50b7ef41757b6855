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
