package dev.corral.network;

import dev.corral.engine.VirtualSwitch;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A virtual switch as the switch list and the API show it.
 *
 * @param allowedVlans        the VLANs it carries as written ("10, 20, 100-110"); empty when it carries any
 * @param vlanRanges          the same as ranges; empty when it carries any VLAN
 * @param carriesAnyVlan      whether it restricts no VLAN
 * @param onManagementAdapter whether it is bound to its host's management adapter
 * @param connectedAdapters   the adapters connected to it of the VMs the caller may see
 * @param readAt              when Corral last read the host's switches
 * @param readProblem         why the host did not answer the last read (the row is as read before), or null
 */
public record SwitchRow(UUID id, UUID hostId, String hostName, String hostGroup, String name, VirtualSwitch.Kind kind,
        String physicalAdapter, String allowedVlans, List<VlanRange> vlanRanges, boolean carriesAnyVlan,
        boolean onManagementAdapter, int connectedAdapters, Instant readAt, String readProblem) {
}
