package dev.corral.network;

import java.util.List;
import java.util.UUID;

/**
 * One VLAN of the VLAN map: the switches that carry it and the VM adapters that use it, with how
 * many of those are mismatched (tagged for it on a switch that does not carry it, or that is gone).
 */
public record VlanRow(int vlan, List<Carrier> switches, List<VlanUse> uses, int mismatches) {

    /**
     * A switch carrying the VLAN.
     *
     * @param anyVlan whether it carries every VLAN (it restricts none), listed here because an adapter uses this VLAN on it
     */
    public record Carrier(UUID switchId, UUID hostId, String hostName, String switchName, boolean anyVlan) {
    }
}
