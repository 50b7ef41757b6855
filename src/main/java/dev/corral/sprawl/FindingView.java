package dev.corral.sprawl;

import java.time.Instant;
import java.util.UUID;

/**
 * A finding as the API and the view show it.
 *
 * @param vmId          the VM concerned (for an unmanaged VM, its id on the host); null for a host's finding
 * @param since         since when the condition holds (the lease's end, the day the VM was turned off, the
 *                      snapshot's age…), or when the scan first found it
 * @param actionTakenAt expired leases: when Corral took the lease's action
 * @param closedBy      who ignored or resolved it ("corral" when the scan no longer finds it)
 * @param objectKey     what identifies the object within the kind (a VM's id, a VM's id and a snapshot's id…)
 */
public record FindingView(UUID id, FindingKind kind, FindingState state, String objectName, UUID vmId, UUID hostId,
        String hostName, String hostGroup, String owner, String details, Instant since, Instant firstSeen,
        Instant lastSeen, Instant actionTakenAt, Instant closedAt, String closedBy, String resolution, String objectKey) {

    /** For a snapshot's finding: the snapshot's id on its VM; else null. */
    public String snapshotId() {
        int slash = objectKey.indexOf('/');
        return kind == FindingKind.OLD_SNAPSHOT && slash > 0 ? objectKey.substring(slash + 1) : null;
    }
}
