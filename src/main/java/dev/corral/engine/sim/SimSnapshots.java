package dev.corral.engine.sim;

import dev.corral.engine.EngineException;
import dev.corral.engine.VmSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The snapshot tree of one simulated VM, as pure functions from one VM value to the next. */
final class SimSnapshots {

    private SimSnapshots() {
    }

    static SimVm create(SimVm vm, String name, Instant now) {
        VmSpec.checkName(name, "snapshot");
        if (vm.spec().hasPassThroughDisk()) {
            throw new EngineException.Unsupported("VM " + vm.spec().name() + " has a pass-through disk, which rules out snapshots.");
        }
        if (vm.snapshots().stream().anyMatch(s -> s.name().equalsIgnoreCase(name))) {
            throw new EngineException.InvalidSpec("VM " + vm.spec().name() + " already has a snapshot named " + name + ".");
        }
        SimVm.Snapshot snapshot = new SimVm.Snapshot(UUID.randomUUID().toString(), name, vm.currentSnapshotId(), now,
                vm.state(), vm.spec());
        List<SimVm.Snapshot> all = new ArrayList<>(vm.snapshots());
        all.add(snapshot);
        return vm.withSnapshots(all, snapshot.id());
    }

    static SimVm rename(SimVm vm, String snapshotId, String newName) {
        VmSpec.checkName(newName, "snapshot");
        SimVm.Snapshot renamed = find(vm, snapshotId);
        if (vm.snapshots().stream().anyMatch(s -> !s.id().equals(snapshotId) && s.name().equalsIgnoreCase(newName))) {
            throw new EngineException.InvalidSpec("VM " + vm.spec().name() + " already has a snapshot named " + newName + ".");
        }
        List<SimVm.Snapshot> all = new ArrayList<>();
        for (SimVm.Snapshot s : vm.snapshots()) {
            all.add(s.id().equals(renamed.id())
                    ? new SimVm.Snapshot(s.id(), newName, s.parentId(), s.createdAt(), s.vmState(), s.spec()) : s);
        }
        return vm.withSnapshots(all, vm.currentSnapshotId());
    }

    static SimVm.Snapshot find(SimVm vm, String snapshotId) {
        return vm.snapshots().stream().filter(s -> s.id().equals(snapshotId)).findFirst()
                .orElseThrow(() -> new EngineException.NotFound("VM " + vm.spec().name() + " has no snapshot " + snapshotId + "."));
    }

    /** The VM as the snapshot left it; new work continues as a branch from there. */
    static SimVm apply(SimVm vm, String snapshotId) {
        SimVm.Snapshot snapshot = find(vm, snapshotId);
        return new SimVm(vm.id(), snapshot.spec().withName(vm.spec().name()), snapshot.vmState(), vm.snapshots(), snapshot.id());
    }

    static SimVm delete(SimVm vm, String snapshotId, boolean subtree) {
        SimVm.Snapshot doomed = find(vm, snapshotId);
        Set<String> removed = new HashSet<>();
        removed.add(doomed.id());
        if (subtree) {
            removed.addAll(descendants(vm.snapshots(), doomed.id()));
        }
        List<SimVm.Snapshot> kept = new ArrayList<>();
        for (SimVm.Snapshot s : vm.snapshots()) {
            if (removed.contains(s.id())) {
                continue;
            }
            // Children of a snapshot deleted alone move up to its parent.
            String parent = doomed.id().equals(s.parentId()) ? doomed.parentId() : s.parentId();
            kept.add(new SimVm.Snapshot(s.id(), s.name(), parent, s.createdAt(), s.vmState(), s.spec()));
        }
        String current = removed.contains(vm.currentSnapshotId()) ? doomed.parentId() : vm.currentSnapshotId();
        return vm.withSnapshots(kept, current);
    }

    private static Set<String> descendants(List<SimVm.Snapshot> all, String rootId) {
        Set<String> found = new HashSet<>();
        List<String> frontier = new ArrayList<>(List.of(rootId));
        while (!frontier.isEmpty()) {
            String parent = frontier.removeLast();
            for (SimVm.Snapshot s : all) {
                if (parent.equals(s.parentId()) && found.add(s.id())) {
                    frontier.add(s.id());
                }
            }
        }
        return found;
    }
}
