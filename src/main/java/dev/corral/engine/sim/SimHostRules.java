package dev.corral.engine.sim;

import dev.corral.engine.Capability;
import dev.corral.engine.EngineException;
import dev.corral.engine.HostCapabilities;
import dev.corral.engine.HostFacts;
import dev.corral.engine.VirtualSwitch;
import dev.corral.engine.VmSpec;
import dev.corral.engine.VmState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The rules a simulated host enforces, as a hypervisor would: processors, memory, unique names,
 * switches and VLANs, and which states allow an operation. Callers hold the host's lock.
 */
final class SimHostRules {

    private final SimulatorProperties.HostDefinition definition;
    private final Map<UUID, SimVm> vms;
    private final Map<String, VirtualSwitch> switches;
    private final java.util.function.Supplier<HostCapabilities> capabilities;

    SimHostRules(SimulatorProperties.HostDefinition definition, Map<UUID, SimVm> vms, Map<String, VirtualSwitch> switches,
            java.util.function.Supplier<HostCapabilities> capabilities) {
        this.definition = definition;
        this.vms = vms;
        this.switches = switches;
        this.capabilities = capabilities;
    }

    long freeMemoryMiB() {
        long used = vms.values().stream().filter(vm -> vm.state().usesMemory()).mapToLong(vm -> vm.spec().memoryMiB()).sum();
        return Math.max(0, definition.memoryMiB() - definition.reservedMemoryMiB() - used);
    }

    void checkAdapterFree(String adapter) {
        checkAdapterFree(adapter, null);
    }

    /** @param except the switch being changed, whose own adapter does not count as taken */
    void checkAdapterFree(String adapter, String except) {
        SimulatorProperties.AdapterDefinition physical = definition.adapters().stream()
                .filter(a -> a.name().equals(adapter)).findFirst()
                .orElseThrow(() -> new EngineException.InvalidSpec("Host " + definition.name() + " has no physical adapter " + adapter + "."));
        if (physical.medium() != HostFacts.PhysicalAdapter.Medium.ETHERNET) {
            throw new EngineException.InvalidSpec("Adapter " + adapter + " is not Ethernet; only Ethernet adapters can "
                    + "back an external switch.");
        }
        switches.values().stream().filter(s -> adapter.equals(s.physicalAdapter()))
                .filter(s -> except == null || !s.name().equalsIgnoreCase(except)).findFirst().ifPresent(s -> {
            throw new EngineException.InvalidSpec("Adapter " + adapter + " already backs switch " + s.name() + ".");
        });
    }

    void checkSpec(UUID self, VmSpec spec) {
        if (spec.vcpus() > definition.logicalProcessors()) {
            throw new EngineException.Capacity("Host " + definition.name() + " has " + definition.logicalProcessors()
                    + " logical processors; VM " + spec.name() + " cannot have " + spec.vcpus() + " virtual processors.");
        }
        long forVms = definition.memoryMiB() - definition.reservedMemoryMiB();
        if (spec.memoryMiB() > forVms) {
            throw new EngineException.Capacity("Host " + definition.name() + " has " + forVms + " MiB of memory for VMs; VM "
                    + spec.name() + " cannot have " + spec.memoryMiB() + " MiB.");
        }
        boolean duplicate = vms.values().stream()
                .anyMatch(vm -> !vm.id().equals(self) && vm.spec().name().equalsIgnoreCase(spec.name()));
        if (duplicate) {
            throw new EngineException.InvalidSpec("Host " + definition.name() + " already has a VM named " + spec.name() + ".");
        }
        if (spec.hasPassThroughDisk()) {
            capabilities.get().require(Capability.PASS_THROUGH_DISKS);
        }
        for (VmSpec.NetworkAdapter adapter : spec.networkAdapters()) {
            checkAdapter(spec, adapter);
        }
    }

    void checkAdapter(VmSpec spec, VmSpec.NetworkAdapter adapter) {
        VirtualSwitch target = switches.get(adapter.switchName().toLowerCase());
        if (target == null) {
            throw new EngineException.InvalidSpec("Host " + definition.name() + " has no virtual switch named " + adapter.switchName()
                    + " for VM " + spec.name() + ".");
        }
        if (adapter.type() == VmSpec.AdapterType.LEGACY) {
            capabilities.get().require(Capability.LEGACY_NETWORK_ADAPTERS);
        }
        if (!(adapter.vlan() instanceof dev.corral.engine.VlanSetting.Untagged)) {
            capabilities.get().require(Capability.VLAN);
            if (!target.carries(adapter.vlan())) {
                throw new EngineException.InvalidSpec("Switch " + target.name() + " carries only VLANs "
                        + target.allowedVlans() + "; VM " + spec.name() + "'s adapter asks for another.");
            }
        }
    }

    void requireMemory(VmSpec spec) {
        long free = freeMemoryMiB();
        if (spec.memoryMiB() > free) {
            throw new EngineException.Capacity("Host " + definition.name() + " has " + free + " MiB of memory free; VM "
                    + spec.name() + " needs " + spec.memoryMiB() + " MiB to run.");
        }
    }

    void requireState(SimVm vm, String verb, Set<VmState> allowed) {
        if (!allowed.contains(vm.state())) {
            throw new EngineException.InvalidState("VM " + vm.spec().name() + " is " + label(vm.state())
                    + "; only a VM that is " + labels(allowed) + " can be " + verb + ".");
        }
    }

    void requireSettled(SimVm vm) {
        if (vm.state().isTransitional()) {
            throw new EngineException.InvalidState("VM " + vm.spec().name() + " is " + label(vm.state())
                    + "; wait for it to finish.");
        }
    }

    static String label(VmState state) {
        return state.name().toLowerCase();
    }

    private static String labels(Set<VmState> states) {
        List<String> names = new ArrayList<>(states.stream().map(SimHostRules::label).toList());
        return names.size() == 1 ? names.getFirst()
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast();
    }

}
