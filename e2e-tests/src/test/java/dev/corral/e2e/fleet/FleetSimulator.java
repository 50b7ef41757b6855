package dev.corral.e2e.fleet;

import dev.corral.engine.VirtualSwitch;
import dev.corral.engine.sim.SimulatorEngine;
import dev.corral.engine.sim.SimulatorProperties;
import dev.corral.engine.sim.SimulatorProperties.AdapterDefinition;
import dev.corral.engine.sim.SimulatorProperties.HostDefinition;
import dev.corral.engine.sim.SimulatorProperties.SwitchDefinition;
import dev.corral.engine.sim.SimulatorProperties.VmDefinition;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fleet's hosts as Corral's simulator serves them ({@code sim://bench-0000}…): their state
 * files, written once by booting every host from its full definition, and the definitions
 * {@link FleetEngine} serves them with, which carry the hosts' hardware only: with a state file
 * present, a simulated host boots from the file.
 */
final class FleetSimulator {

    private FleetSimulator() {
    }

    /** Boots every host once from its full definition, which writes its state file; answers how long that took. */
    static long writeStateFiles(FleetPlan plan, Path stateDir) throws IOException {
        long began = System.nanoTime();
        Files.createDirectories(stateDir);
        List<HostDefinition> definitions = new ArrayList<>();
        for (int h = 0; h < plan.hosts; h++) {
            definitions.add(definition(plan, h, true));
        }
        SimulatorEngine engine = new SimulatorEngine(new SimulatorProperties(stateDir, Duration.ZERO, definitions),
                Clock.systemUTC());
        for (int h = 0; h < plan.hosts; h++) {
            engine.connect(URI.create("sim://" + plan.hostName(h))).listVms();
        }
        return (System.nanoTime() - began) / 1_000_000;
    }

    static HostDefinition definition(FleetPlan plan, int h, boolean withVms) {
        List<VmDefinition> vms = new ArrayList<>();
        if (withVms) {
            for (FleetPlan.PlannedVm vm : plan.vmsOf(h)) {
                vms.add(new VmDefinition(vm.name(), vm.vcpus(), vm.memoryMiB(), null, vm.family(), vm.guestName(), vm.state(),
                        vm.switchName(), vm.vlan(), null, vm.snapshots(), true, vm.owner(), 40L, "Benchmark " + vm.name(),
                        vm.tags()));
            }
        }
        return new HostDefinition(plan.hostName(h), "AMD EPYC 7302P", FleetPlan.SOCKETS, FleetPlan.CORES, FleetPlan.THREADS,
                FleetPlan.HOST_MEMORY_MIB, 8192, true, true,
                List.of(new AdapterDefinition("eth0", plan.hostMac(h, 0), null, 1000),
                        new AdapterDefinition("eth1", plan.hostMac(h, 1), null, 10_000)),
                List.of(new SwitchDefinition("LAN", VirtualSwitch.Kind.EXTERNAL, "eth1",
                                java.util.Arrays.stream(FleetPlan.VLANS).boxed().toList()),
                        new SwitchDefinition("Internal", VirtualSwitch.Kind.INTERNAL, null, null)),
                vms, Map.of(), null, "Windows Server 2022 Datacenter", null);
    }
}
