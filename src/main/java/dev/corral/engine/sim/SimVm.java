package dev.corral.engine.sim;

import dev.corral.engine.IntegrationService;
import dev.corral.engine.SnapshotInfo;
import dev.corral.engine.VmInfo;
import dev.corral.engine.VmSpec;
import dev.corral.engine.VmState;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A simulated VM: immutable; the host swaps in a new value on every change. */
record SimVm(UUID id, VmSpec spec, VmState state, List<Snapshot> snapshots, String currentSnapshotId) {

    SimVm {
        snapshots = List.copyOf(snapshots);
    }

    SimVm withState(VmState newState) {
        return new SimVm(id, spec, newState, snapshots, currentSnapshotId);
    }

    SimVm withSpec(VmSpec newSpec) {
        return new SimVm(id, newSpec, state, snapshots, currentSnapshotId);
    }

    SimVm withSnapshots(List<Snapshot> newSnapshots, String newCurrent) {
        return new SimVm(id, spec, state, newSnapshots, newCurrent);
    }

    /** The VM as its host reports it; heartbeat and the other services answer only while it runs. */
    VmInfo info() {
        List<VmInfo.IntegrationStatus> integration = new java.util.ArrayList<>();
        for (IntegrationService service : IntegrationService.values()) {
            boolean enabled = spec.integrationServices().contains(service);
            VmInfo.IntegrationStatus.Status status = !enabled ? VmInfo.IntegrationStatus.Status.DISABLED
                    : state == VmState.RUNNING ? VmInfo.IntegrationStatus.Status.OK
                    : state == VmState.PAUSED ? VmInfo.IntegrationStatus.Status.NO_CONTACT
                    : VmInfo.IntegrationStatus.Status.NOT_RUNNING;
            integration.add(new VmInfo.IntegrationStatus(service, enabled, status));
        }
        return new VmInfo(id, spec, state, integration);
    }

    /** A snapshot keeps the VM's configuration and state of its moment. */
    record Snapshot(String id, String name, String parentId, Instant createdAt, VmState vmState, VmSpec spec) {
        SnapshotInfo info(String currentId) {
            return new SnapshotInfo(id, name, parentId, createdAt, vmState, id.equals(currentId), spec.vcpus(), spec.memoryMiB());
        }
    }

    /**
     * What the host persists.
     *
     * @param generation one more on every write, so that processes sharing the file can tell whether
     *                   it changed (missing, so 0, in files written before it existed); first, so it is read first
     */
    record HostState(Long generation, List<SimVm> vms, List<dev.corral.engine.VirtualSwitch> switches) {
        HostState {
            generation = generation == null ? 0L : generation;
        }
    }
}
