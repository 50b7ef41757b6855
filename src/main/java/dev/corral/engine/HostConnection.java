package dev.corral.engine;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One host, reached through its engine. Implementations are thread-safe and long-lived: the
 * registry keeps one per host. Every method may throw {@link EngineException.HostUnreachable}.
 */
public interface HostConnection extends AutoCloseable {

    URI uri();

    HostFacts facts();

    HostCapabilities capabilities();

    // VMs

    List<VmInfo> listVms();

    VmInfo vm(UUID id);

    /** Defines a VM (off); names are unique per host. */
    VmInfo define(VmSpec spec);

    /** Changes a VM's configuration; processors and memory only while it is off. */
    VmInfo update(UUID id, VmSpec spec);

    /** Removes an off or saved VM and its snapshots. */
    void delete(UUID id);

    /** Starts an off VM, or restores a saved one. */
    VmInfo start(UUID id);

    /** Asks the guest to shut down (needs the shutdown integration service, or ACPI). */
    VmInfo shutdown(UUID id);

    /** Pulls the plug. */
    VmInfo turnOff(UUID id);

    VmInfo reset(UUID id);

    VmInfo pause(UUID id);

    VmInfo resume(UUID id);

    /** Saves the VM's memory to disk and stops it; the next start restores it. */
    VmInfo save(UUID id);

    // Snapshots

    List<SnapshotInfo> snapshots(UUID vmId);

    SnapshotInfo createSnapshot(UUID vmId, String name);

    /** Returns the VM to the snapshot's state; its later work is kept as a branch of the tree. */
    VmInfo applySnapshot(UUID vmId, String snapshotId);

    /** Deletes a snapshot; with {@code subtree}, its descendants too, else they move to its parent. */
    void deleteSnapshot(UUID vmId, String snapshotId, boolean subtree);

    /** Gives a snapshot another name (unique among the VM's snapshots); its id and place in the tree stay. */
    SnapshotInfo renameSnapshot(UUID vmId, String snapshotId, String newName);

    // Virtual switches

    List<VirtualSwitch> switches();

    VirtualSwitch createSwitch(VirtualSwitch spec);

    /**
     * Changes the switch named in {@code spec}: the VLANs it carries and, for an external switch,
     * the physical adapter it is bound to. Its name and kind stay; what the host cannot change
     * while VMs use the switch is refused with the reason.
     */
    VirtualSwitch updateSwitch(VirtualSwitch spec);

    /** Refuses while a VM's adapter is connected to it. */
    void deleteSwitch(String name);

    // Quick migration

    /**
     * Saves the VM here, moves it to {@code target} and restores it there, running again if it
     * was running. Both hosts must be served by the same engine.
     */
    VmInfo quickMigrate(UUID vmId, HostConnection target);

    // Console

    /**
     * Connects to the VM's screen. Throws {@link EngineException.Unsupported} with the reason where
     * this VM has no screen to give (no graphics in its definition, a driver without displays),
     * {@link EngineException.InvalidState} where it has one only while running and is not.
     */
    ConsoleStream openConsole(UUID vmId);

    // Events

    /** Subscribes to lifecycle events of this host's VMs; close the subscription to stop. */
    AutoCloseable subscribe(Consumer<LifecycleEvent> listener);

    @Override
    void close();
}
