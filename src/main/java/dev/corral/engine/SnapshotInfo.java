package dev.corral.engine;

import java.time.Instant;

/**
 * One snapshot in a VM's snapshot tree.
 *
 * @param parentId  the snapshot this one was taken after, or null for a root
 * @param current   whether the VM runs on from this snapshot (new snapshots become its children)
 * @param vcpus     the virtual processors the VM had when it was taken (what applying it gives
 *                  the VM again); 0 where the host does not say
 * @param memoryMiB the memory it had then; 0 where the host does not say
 */
public record SnapshotInfo(String id, String name, String parentId, Instant createdAt, VmState vmState,
        boolean current, int vcpus, long memoryMiB) {

    /** A snapshot whose configuration the host does not report. */
    public SnapshotInfo(String id, String name, String parentId, Instant createdAt, VmState vmState, boolean current) {
        this(id, name, parentId, createdAt, vmState, current, 0, 0);
    }
}
