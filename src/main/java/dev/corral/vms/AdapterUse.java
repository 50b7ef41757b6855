package dev.corral.vms;

import dev.corral.engine.VmSpec;
import java.util.UUID;

/**
 * One VM network adapter, where it connects and how it uses VLANs, with its VM and host named:
 * a line of the VLAN map and of a switch's connected adapters.
 *
 * @param index the adapter's position among the VM's adapters, from 0
 */
public record AdapterUse(UUID vmId, String vmName, UUID hostId, int index, VmSpec.NetworkAdapter adapter,
        boolean staticMac) {
}
