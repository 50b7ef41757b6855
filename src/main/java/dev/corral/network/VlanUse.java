package dev.corral.network;

import java.util.UUID;

/**
 * A VM network adapter's use of a VLAN (or, in the list of mismatches, of its switch), with what
 * is wrong with it if anything.
 *
 * @param mode    "access", "trunk", "trunk, native" (the trunk's untagged VLAN) or "untagged"
 * @param vlans   the adapter's whole VLAN setting in words: "VLAN 20", "VLANs 10, 20 (trunk)", "no VLAN"
 * @param problem why this is a mismatch ("switch LAN does not carry VLAN 40"), or null
 */
public record VlanUse(UUID vmId, String vmName, UUID hostId, String hostName, String switchName, int adapterIndex,
        String mode, String vlans, String problem) {

    public boolean mismatch() {
        return problem != null;
    }
}
