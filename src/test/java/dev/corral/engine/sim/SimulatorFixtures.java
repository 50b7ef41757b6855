package dev.corral.engine.sim;

import dev.corral.engine.VirtualSwitch;
import dev.corral.engine.sim.SimulatorProperties.AdapterDefinition;
import dev.corral.engine.sim.SimulatorProperties.HostDefinition;
import dev.corral.engine.sim.SimulatorProperties.SwitchDefinition;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Two small simulated hosts shaped like the contract suite expects. */
final class SimulatorFixtures {

    private SimulatorFixtures() {
    }

    static HostDefinition host(String name) {
        return new HostDefinition(name, null, 1, 4, 2, 8192, 1024, true, true,
                List.of(new AdapterDefinition("eth0", "00:15:5d:00:00:01", null, 1000),
                        new AdapterDefinition("eth1", "00:15:5d:00:00:02", null, 10000),
                        new AdapterDefinition("wlan0", "00:15:5d:00:00:03",
                                dev.corral.engine.HostFacts.PhysicalAdapter.Medium.WIRELESS, 300)),
                List.of(new SwitchDefinition("ext-lan", VirtualSwitch.Kind.EXTERNAL, "eth1", null),
                        new SwitchDefinition("int-lab", VirtualSwitch.Kind.INTERNAL, null, null)),
                List.of(), Map.of(), null, null, null);
    }

    static SimulatorEngine engine(Path stateDir, Duration delay, Clock clock, HostDefinition... hosts) {
        return new SimulatorEngine(new SimulatorProperties(stateDir, delay, List.of(hosts)), clock);
    }

    static SimulatorEngine twoHosts(Path stateDir) {
        return engine(stateDir, Duration.ofMillis(1), Clock.systemUTC(), host("host-a"), host("host-b"));
    }
}
