package dev.corral.engine.libvirt;

import static dev.corral.engine.VmState.OFF;
import static dev.corral.engine.VmState.SAVED;

import dev.corral.engine.Capability;
import dev.corral.engine.EngineException;
import dev.corral.engine.HostCapabilities;
import dev.corral.engine.HostConnection;
import dev.corral.engine.HostFacts;
import dev.corral.engine.LifecycleEvent;
import dev.corral.engine.SnapshotInfo;
import dev.corral.engine.VirtualSwitch;
import dev.corral.engine.VmInfo;
import dev.corral.engine.VmSpec;
import dev.corral.engine.VmState;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One libvirt host: VMs here, snapshots, switches and migration in their own classes. */
final class LibvirtHostConnection implements HostConnection {

    private final Consumer<LibvirtHostConnection> onClose;

    private static final Logger log = LoggerFactory.getLogger(LibvirtHostConnection.class);
    private static final int UNDEFINE_MANAGED_SAVE_AND_SNAPSHOTS = 1 | 2;

    @FunctionalInterface
    private interface DomainAction {
        void run(Connect connect, Domain domain, String name) throws LibvirtException;
    }

    private final LibvirtHost host;
    private final Snapshots snapshots;
    private final Switches switches;

    LibvirtHostConnection(URI uri, LibvirtSettings settings, Consumer<LibvirtHostConnection> onClose) {
        this.onClose = onClose;
        this.host = new LibvirtHost(uri, settings);
        this.snapshots = new Snapshots(host);
        this.switches = new Switches(host, this::facts);
    }

    LibvirtHost host() {
        return host;
    }

    @Override
    public URI uri() {
        return host.uri;
    }

    @Override
    public HostFacts facts() {
        return host.call("Could not read the facts of host " + host.label, HostFactsReader::read);
    }

    @Override
    public HostCapabilities capabilities() {
        return host.capabilities;
    }

    @Override
    public List<VmInfo> listVms() {
        return host.call("Could not list the VMs of host " + host.label, connect -> {
            List<VmInfo> vms = new ArrayList<>();
            for (Domain domain : connect.listAllDomains(0)) {
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
        });
    }

    @Override
    public VmInfo vm(UUID id) {
        return host.call("Could not read VM " + id + " on host " + host.label,
                connect -> host.info(host.domain(connect, id)));
    }

    @Override
    public VmInfo define(VmSpec spec) {
        host.capabilities.require(Capability.DEFINE_VMS);
        return host.call("Could not create VM " + spec.name() + " on host " + host.label, connect -> {
            SpecChecks.check(host, connect, spec, null);
            String type = host.domainType(connect, spec.architecture());
            Domain domain = connect.domainDefineXML(DomainXml.build(spec, null, type, host.settings.imageDir()));
            return host.info(domain);
        });
    }

    @Override
    public VmInfo update(UUID id, VmSpec spec) {
        host.capabilities.require(Capability.DEFINE_VMS);
        return host.call("Could not change VM " + id + " on host " + host.label, connect -> {
            Domain domain = host.domain(connect, id);
            DomainXml.Parsed current = host.parsed(domain);
            VmSpec old = current.spec();
            VmState state = DomainStates.of(domain);
            boolean hardware = old.vcpus() != spec.vcpus() || old.memoryMiB() != spec.memoryMiB()
                    || old.architecture() != spec.architecture();
            if (hardware && state != OFF) {
                throw new EngineException.InvalidState("VM " + old.name() + " is " + DomainStates.describe(state)
                        + "; its processors and memory can be changed only while it is off.");
            }
            SpecChecks.check(host, connect, spec, id);
            String oldXml = domain.getXMLDesc(LibvirtHost.XML_INACTIVE);
            String xml = DomainXml.build(spec, id, current.domainType(), host.settings.imageDir(),
                    DomainXml.macs(oldXml));
            try {
                if (old.name().equals(spec.name())) {
                    connect.domainDefineXML(xml);
                } else {
                    rename(connect, domain, old.name(), state, oldXml, xml);
                }
            } catch (LibvirtException e) {
                throw host.fail(connect, e, "Could not change VM " + old.name() + " on host " + host.label);
            }
            return host.info(host.domain(connect, id));
        });
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
            connect.domainDefineXML(newXml);
        } catch (LibvirtException e) {
            connect.domainDefineXML(oldXml);
            throw e;
        }
    }

    @Override
    public void delete(UUID id) {
        host.call("Could not delete VM " + id + " on host " + host.label, connect -> {
            Domain domain = host.domain(connect, id);
            String name = domain.getName();
            VmState state = DomainStates.of(domain);
            if (state != OFF && state != SAVED) {
                throw new EngineException.InvalidState("VM " + name + " is " + DomainStates.describe(state)
                        + "; only an off or saved VM can be deleted.");
            }
            try {
                domain.undefine(UNDEFINE_MANAGED_SAVE_AND_SNAPSHOTS);
            } catch (LibvirtException e) {
                throw host.fail(connect, e, "Could not delete VM " + name + " on host " + host.label);
            }
            return null;
        });
    }

    @Override
    public VmInfo start(UUID id) {
        return power(id, PowerOp.START, (connect, domain, name) -> {
            long needed = host.parsed(domain).spec().memoryMiB();
            long free = host.freeMemoryMiB(connect);
            if (needed > free) {
                throw new EngineException.Capacity("VM " + name + " needs " + needed + " MiB of memory to start, but host "
                        + host.label + " has only " + free + " MiB free.");
            }
            domain.create();
        });
    }

    @Override
    public VmInfo shutdown(UUID id) {
        return power(id, PowerOp.SHUTDOWN, (connect, domain, name) -> domain.shutdown());
    }

    @Override
    public VmInfo turnOff(UUID id) {
        return power(id, PowerOp.TURN_OFF, (connect, domain, name) -> domain.destroy());
    }

    @Override
    public VmInfo reset(UUID id) {
        return power(id, PowerOp.RESET, (connect, domain, name) -> domain.reset());
    }

    @Override
    public VmInfo pause(UUID id) {
        return power(id, PowerOp.PAUSE, (connect, domain, name) -> domain.suspend());
    }

    @Override
    public VmInfo resume(UUID id) {
        return power(id, PowerOp.RESUME, (connect, domain, name) -> domain.resume());
    }

    @Override
    public VmInfo save(UUID id) {
        return power(id, PowerOp.SAVE, (connect, domain, name) -> domain.managedSave());
    }

    private VmInfo power(UUID id, PowerOp op, DomainAction action) {
        if (op.capability != null) {
            host.capabilities.require(op.capability);
        }
        return host.call("Could not " + op.verb + " VM " + id + " on host " + host.label, connect -> {
            Domain domain = host.domain(connect, id);
            String name = domain.getName();
            VmState state = DomainStates.of(domain);
            if (!op.allowed.contains(state)) {
                throw new EngineException.InvalidState("VM " + name + " is " + DomainStates.describe(state) + "; only "
                        + op.allowedPhrase + " can be " + op.participle + ".");
            }
            try {
                action.run(connect, domain, name);
            } catch (LibvirtException e) {
                throw host.fail(connect, e, "Could not " + op.verb + " VM " + name + " on host " + host.label);
            }
            return host.info(domain);
        });
    }

    @Override
    public List<SnapshotInfo> snapshots(UUID vmId) {
        return snapshots.list(vmId);
    }

    @Override
    public SnapshotInfo createSnapshot(UUID vmId, String name) {
        return snapshots.create(vmId, name);
    }

    @Override
    public VmInfo applySnapshot(UUID vmId, String snapshotId) {
        return snapshots.apply(vmId, snapshotId);
    }

    @Override
    public void deleteSnapshot(UUID vmId, String snapshotId, boolean subtree) {
        snapshots.delete(vmId, snapshotId, subtree);
    }

    @Override
    public List<VirtualSwitch> switches() {
        return switches.list();
    }

    @Override
    public VirtualSwitch createSwitch(VirtualSwitch spec) {
        return switches.create(spec);
    }

    @Override
    public void deleteSwitch(String name) {
        switches.delete(name);
    }

    @Override
    public VmInfo quickMigrate(UUID vmId, HostConnection target) {
        if (!(target instanceof LibvirtHostConnection libvirtTarget)) {
            throw new EngineException.Unsupported("Quick migration needs both hosts on libvirt; "
                    + (target == null ? "no target host was given" : target.uri() + " is not a libvirt host") + ".");
        }
        return new QuickMigration(host, libvirtTarget.host).migrate(vmId);
    }

    @Override
    public AutoCloseable subscribe(Consumer<LifecycleEvent> listener) {
        return host.events.subscribe(listener);
    }

    @Override
    public void close() {
        host.events.unregister(host.link.current());
        host.events.close();
        host.link.close();
        onClose.accept(this);
    }
}
