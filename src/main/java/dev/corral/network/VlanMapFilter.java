package dev.corral.network;

import java.util.UUID;

/**
 * Narrows the VLAN map: to VLANs written as a list and ranges ("10, 20, 100-110"), to one host, and
 * to the VLANs with mismatches; nulls and false narrow nothing.
 */
public record VlanMapFilter(String vlans, UUID hostId, boolean mismatchesOnly) {

    public static final VlanMapFilter NONE = new VlanMapFilter(null, null, false);
}
