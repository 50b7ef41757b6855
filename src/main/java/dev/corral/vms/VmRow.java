package dev.corral.vms;

import dev.corral.engine.VmState;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * One line of the VM grid.
 *
 * @param version the configuration's version: send it back with a change (If-Match in the API)
 * @param leaseExpires the last day of the VM's lease, or null when it has none
 */
public record VmRow(UUID id, String name, UUID hostId, String hostName, String owner, int vcpus, long memoryMiB,
        long storageGiB, String guestFamily, VmState state, long version, Map<String, String> tags, LocalDate leaseExpires) {
}
