package dev.corral.sprawl;

import dev.corral.engine.SnapshotInfo;
import dev.corral.engine.VmInfo;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What one host said during a scan: its VMs and the snapshots of those the inventory has, or why it
 * did not answer.
 *
 * @param problem why the host did not answer; null when it did
 */
record HostReport(UUID hostId, String hostName, List<VmInfo> vms, Map<UUID, List<SnapshotInfo>> snapshots, String problem) {

    static HostReport unanswered(UUID hostId, String hostName, String problem) {
        return new HostReport(hostId, hostName, List.of(), Map.of(), problem);
    }

    boolean answered() {
        return problem == null;
    }
}
