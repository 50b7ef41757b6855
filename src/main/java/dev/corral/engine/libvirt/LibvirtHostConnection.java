package dev.corral.engine.libvirt;

import dev.corral.engine.EngineException;
import dev.corral.engine.HostCapabilities;
import dev.corral.engine.HostConnection;
import dev.corral.engine.HostFacts;
import dev.corral.engine.LifecycleEvent;
import dev.corral.engine.SnapshotInfo;
import dev.corral.engine.VirtualSwitch;
import dev.corral.engine.VmInfo;
import dev.corral.engine.VmSpec;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/** One libvirt host: each group of operations in its own class. */
final class LibvirtHostConnection implements HostConnection {

    private final Consumer<LibvirtHostConnection> onClose;
    private final LibvirtHost host;
    private final VmDefinitions vms;
    private final PowerOps power;
    private final Snapshots snapshots;
    private final Switches switches;
    private final ConsoleOpener consoles;

    LibvirtHostConnection(URI uri, LibvirtSettings settings, Consumer<LibvirtHostConnection> onClose) {
        this.onClose = onClose;
        this.host = new LibvirtHost(uri, settings);
        this.vms = new VmDefinitions(host);
        this.power = new PowerOps(host);
        this.snapshots = new Snapshots(host);
        this.switches = new Switches(host, this::facts);
        this.consoles = new ConsoleOpener(host);
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
        return host.call("Could not read the facts of host " + host.label, c -> HostFactsReader.read(c, host.profile, host.uri));
    }

    @Override
    public HostCapabilities capabilities() {
        return host.capabilities;
    }

    @Override
    public List<VmInfo> listVms() {
        return vms.list();
    }

    @Override
    public VmInfo vm(UUID id) {
        return vms.get(id);
    }

    @Override
    public VmInfo define(VmSpec spec) {
        return vms.define(spec);
    }

    @Override
    public VmInfo update(UUID id, VmSpec spec) {
        return vms.update(id, spec);
    }

    @Override
    public void delete(UUID id) {
        vms.delete(id);
    }

    @Override
    public VmInfo start(UUID id) {
        return power.start(id);
    }

    @Override
    public VmInfo shutdown(UUID id) {
        return power.shutdown(id);
    }

    @Override
    public VmInfo turnOff(UUID id) {
        return power.turnOff(id);
    }

    @Override
    public VmInfo reset(UUID id) {
        return power.reset(id);
    }

    @Override
    public VmInfo pause(UUID id) {
        return power.pause(id);
    }

    @Override
    public VmInfo resume(UUID id) {
        return power.resume(id);
    }

    @Override
    public VmInfo save(UUID id) {
        return power.save(id);
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
    public SnapshotInfo renameSnapshot(UUID vmId, String snapshotId, String newName) {
        return snapshots.rename(vmId, snapshotId, newName);
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
    public VirtualSwitch updateSwitch(VirtualSwitch spec) {
        return switches.update(spec);
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
    public dev.corral.engine.ConsoleStream openConsole(UUID vmId) {
        return consoles.open(vmId);
    }

    @Override
    public AutoCloseable subscribe(Consumer<LifecycleEvent> listener) {
        return host.events.subscribe(listener);
    }

    @Override
    public void close() {
        host.link.close();
        host.events.close();
        onClose.accept(this);
    }
}
