package dev.corral.engine;

import java.time.Instant;

/**
 * One snapshot in a VM's snapshot tree.
 *
 * @param parentId the snapshot this one was taken after, or null for a root
 * @param current  whether the VM runs on from this snapshot (new snapshots become its children)
 */
public record SnapshotInfo(String id, String name, String parentId, Instant createdAt, VmState vmState,
        boolean current) {
}
