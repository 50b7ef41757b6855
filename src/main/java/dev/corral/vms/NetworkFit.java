package dev.corral.vms;

import dev.corral.engine.VirtualSwitch;
import dev.corral.engine.VmSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Whether a host's virtual switches can take a VM's network adapters: a switch of the same name
 * for each, carrying the VLANs each uses. Creation and migration both ask.
 */
public final class NetworkFit {

    private NetworkFit() {
    }

    /** What the host lacks, in words ("no virtual switch named DMZ", "switch LAN does not carry VLAN 42"), if anything. */
    public static Optional<String> missing(List<VmSpec.NetworkAdapter> adapters, List<VirtualSwitch> switches) {
        Map<String, VirtualSwitch> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        switches.forEach(s -> byName.put(s.name(), s));
        for (VmSpec.NetworkAdapter adapter : adapters) {
            VirtualSwitch target = byName.get(adapter.switchName());
            if (target == null) {
                return Optional.of("it has no virtual switch named " + adapter.switchName());
            }
            if (!target.carries(adapter.vlan())) {
                return Optional.of("its switch " + target.name() + " carries VLANs " + VlanList.format(target.allowedVlans())
                        + " only, not " + VlanList.describe(adapter.vlan()) + " (the VM's adapter on " + adapter.switchName() + ")");
            }
        }
        return Optional.empty();
    }
}
