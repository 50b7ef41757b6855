package dev.corral.vms;

import dev.corral.engine.VmSpec;
import java.time.Instant;
import java.util.Map;

/**
 * What the inventory knows of a VM beyond its sizing: its architecture and guest as created, why
 * it exists, who created it and when (null for VMs registered before Corral recorded it), its
 * lease, and its tags.
 */
public record VmProvenance(VmSpec.Architecture architecture, String guestName, String purpose, String createdBy,
        Instant createdAt, VmLease lease, Map<String, String> tags) {
}
