package dev.corral.engine;

import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A virtual switch: external (bound to a physical Ethernet adapter), internal (VMs and the host)
 * or private (VMs only), with the VLANs it carries (empty: any).
 */
public record VirtualSwitch(String name, Kind kind, String physicalAdapter, SortedSet<Integer> allowedVlans) {

    public enum Kind { EXTERNAL, INTERNAL, PRIVATE }

    public VirtualSwitch {
        VmSpec.checkName(name, "virtual switch");
        if (kind == null) {
            throw new EngineException.InvalidSpec("Say whether switch " + name + " is external, internal or private.");
        }
        if (kind == Kind.EXTERNAL && (physicalAdapter == null || physicalAdapter.isBlank())) {
            throw new EngineException.InvalidSpec("External switch " + name + " must be bound to a physical adapter.");
        }
        if (kind != Kind.EXTERNAL && physicalAdapter != null && !physicalAdapter.isBlank()) {
            throw new EngineException.InvalidSpec("Only an external switch is bound to a physical adapter.");
        }
        physicalAdapter = kind == Kind.EXTERNAL ? physicalAdapter : null;
        allowedVlans = allowedVlans == null ? new TreeSet<>() : new TreeSet<>(allowedVlans);
        allowedVlans.forEach(VlanSetting::checkTag);
        allowedVlans = java.util.Collections.unmodifiableSortedSet(allowedVlans);
    }

    /** Whether an adapter with this VLAN setting may connect here. */
    public boolean carries(VlanSetting vlan) {
        if (allowedVlans.isEmpty()) {
            return true;
        }
        return switch (vlan) {
            case VlanSetting.Untagged untagged -> true;
            case VlanSetting.Access access -> allowedVlans.contains(access.tag());
            case VlanSetting.Trunk trunk -> allowedVlans.containsAll(trunk.tags());
        };
    }
}
