package dev.corral.vms;

import dev.corral.engine.VmState;
import java.util.UUID;

/**
 * One line of the VM grid.
 *
 * @param version the configuration's version: send it back with a change (If-Match in the API)
 */
public record VmRow(UUID id, String name, UUID hostId, String hostName, String owner, int vcpus, long memoryMiB,
        long storageGiB, String guestFamily, VmState state, long version) {
}
