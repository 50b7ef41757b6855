package dev.corral.engine.libvirt;

import static dev.corral.engine.VmState.OFF;
import static dev.corral.engine.VmState.SAVED;

import dev.corral.engine.Capability;
import dev.corral.engine.EngineException;
import dev.corral.engine.VmInfo;
import dev.corral.engine.VmSpec;
import dev.corral.engine.VmState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Listing, defining, changing and deleting a host's VMs. */
final class VmDefinitions {

    private static final Logger log = LoggerFactory.getLogger(VmDefinitions.class);

    private final LibvirtHost host;

    VmDefinitions(LibvirtHost host) {
        this.host = host;
    }

    List<VmInfo> list() {
        return host.call("Could not list the VMs of host " + host.label, connect -> {
            Domain[] domains = connect.listAllDomains(0);
            try {
                List<VmInfo> vms = new ArrayList<>();
                for (Domain domain : domains) {
                    try {
                        vms.add(host.info(domain));
                    } catch (EngineException.Failed e) {
                        log.warn("Skipping a domain: {}", e.getMessage());
                    } catch (LibvirtException e) {
                        if (!LibvirtErrors.isNotFound(e)) {
                            throw e;
                        }
                    }
                }
                vms.sort(Comparator.comparing(VmInfo::name, String.CASE_INSENSITIVE_ORDER));
                return vms;
            } finally {
                Natives.free((Object) domains);
            }
        });
    }

    VmInfo get(UUID id) {
        return host.call("Could not read VM " + id + " on host " + host.label,
                connect -> host.withDomain(connect, id, host::info));
    }

    VmInfo define(VmSpec spec) {
        host.capabilities.require(Capability.DEFINE_VMS);
        return host.call("Could not create VM " + spec.name() + " on host " + host.label, connect -> {
            SpecChecks.check(host, connect, spec, null);
            String type = host.domainType(connect, spec.architecture());
            String xml = DomainXml.build(spec, null, type, host.settings.diskPaths(), DomainXml.Previous.NONE,
                    host.settings.console());
            SpecChecks.requireImagesUnused(host, connect, spec.name(), xml, null);
            Domain domain = connect.domainDefineXML(xml);
            try {
                return host.info(domain);
            } finally {
                Natives.free(domain);
            }
        });
    }

    VmInfo update(UUID id, VmSpec spec) {
        host.capabilities.require(Capability.DEFINE_VMS);
        return host.exclusively(id, () -> host.call("Could not change VM " + id + " on host " + host.label,
                connect -> host.withDomain(connect, id, domain -> update(connect, domain, id, spec))));
    }

    private VmInfo update(Connect connect, Domain domain, UUID id, VmSpec spec) throws LibvirtException {
        DomainXml.Parsed current = host.parsed(domain);
        VmSpec old = current.spec();
        if (!current.corral()) {
            throw new EngineException.InvalidState("VM " + old.name() + " was not created by Corral, which changes only "
                    + "its own VMs so that devices it does not know are never lost; change it with virsh or virt-manager.");
        }
        VmState state = DomainStates.of(domain);
        boolean hardware = old.vcpus() != spec.vcpus() || old.memoryMiB() != spec.memoryMiB()
                || old.architecture() != spec.architecture();
        if (hardware && state != OFF) {
            throw new EngineException.InvalidState("VM " + old.name() + " is " + DomainStates.describe(state)
                    + "; its processors and memory can be changed only while it is off.");
        }
        SpecChecks.check(host, connect, spec, id);
        // Secure, so that the display keeps its password when the domain is defined again.
        String oldXml = domain.getXMLDesc(LibvirtHost.XML_INACTIVE | LibvirtHost.XML_SECURE);
        String xml = DomainXml.build(spec, id, current.domainType(), host.settings.diskPaths(),
                DomainXml.Previous.of(oldXml), host.settings.console());
        SpecChecks.requireImagesUnused(host, connect, spec.name(), xml, id);
        String doing = "Could not change VM " + old.name() + " on host " + host.label;
        try {
            if (old.name().equals(spec.name())) {
                Natives.free(connect.domainDefineXML(xml));
            } else {
                rename(connect, domain, old.name(), state, oldXml, xml);
            }
        } catch (LibvirtException e) {
            throw host.fail(connect, e, doing);
        }
        return host.withDomain(connect, id, host::info);
    }

    /** libvirt renames only through undefine and define, which would drop snapshots and saved state. */
    private void rename(Connect connect, Domain domain, String oldName, VmState state, String oldXml, String newXml)
            throws LibvirtException {
        if (state != OFF) {
            throw new EngineException.InvalidState("VM " + oldName + " is " + DomainStates.describe(state)
                    + "; it can be renamed only while it is off.");
        }
        if (domain.snapshotNum() > 0) {
            throw new EngineException.InvalidState("VM " + oldName + " has snapshots, and libvirt cannot rename a VM "
                    + "with snapshots; delete them first.");
        }
        domain.undefine();
        try {
            Natives.free(connect.domainDefineXML(newXml));
        } catch (LibvirtException e) {
            restoreDefinition(connect, oldName, oldXml, e);
            throw e;
        }
    }

    private void restoreDefinition(Connect connect, String name, String oldXml, LibvirtException cause) {
        try {
            Natives.free(connect.domainDefineXML(oldXml));
        } catch (LibvirtException e) {
            log.error("VM {} on host {} could not be renamed ({}) nor defined again ({}); its definition was:\n{}",
                    name, host.label, LibvirtErrors.message(cause), LibvirtErrors.message(e), oldXml);
            throw new EngineException.Failed("VM " + name + " is no longer defined on host " + host.label
                    + ": renaming it failed (" + LibvirtErrors.message(cause) + ") and defining it again failed too ("
                    + LibvirtErrors.message(e) + "). Its definition is in Corral's log; define it with virsh.", cause);
        }
    }

    void delete(UUID id) {
        host.exclusively(id, () -> host.call("Could not delete VM " + id + " on host " + host.label,
                connect -> host.withDomain(connect, id, domain -> {
                    String name = domain.getName();
                    VmState state = DomainStates.of(domain);
                    if (state != OFF && state != SAVED) {
                        throw new EngineException.InvalidState("VM " + name + " is " + DomainStates.describe(state)
                                + "; only an off or saved VM can be deleted.");
                    }
                    try {
                        domain.undefine(LibvirtHost.UNDEFINE_MANAGED_SAVE_AND_SNAPSHOTS);
                    } catch (LibvirtException e) {
                        throw host.fail(connect, e, "Could not delete VM " + name + " on host " + host.label);
                    }
                    return null;
                })));
    }
}
