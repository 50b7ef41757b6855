package dev.corral.e2e.fleet;

import dev.corral.engine.HostConnection;
import dev.corral.engine.HypervisorEngine;
import dev.corral.engine.sim.SimulatorEngine;
import dev.corral.engine.sim.SimulatorProperties;
import dev.corral.engine.sim.SimulatorProperties.HostDefinition;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * The fleet's hosts inside Corral: a second instance of Corral's simulator serving
 * {@code sim://bench-0000}… ahead of the built-in one, its host definitions built in code from
 * {@code benchmark.fleet.hosts/vms/groups} and its state read from {@code benchmark.fleet.state-dir}
 * (written by {@link FleetSimulator#writeStateFiles}). So 2,500 host definitions need not pass
 * through Spring's configuration binder, which alone would add seconds to every start.
 *
 * <p>Deliberately not a {@code @Configuration}: Corral started from the test class path scans
 * {@code dev.corral}, and this must only be where it is asked for: {@code @Import} in the
 * benchmark, {@code --spring.main.sources} in the separate JVM.
 */
public class FleetEngine {

    @Bean
    HypervisorEngine fleetHosts(Environment environment) {
        FleetPlan plan = new FleetPlan(environment.getRequiredProperty("benchmark.fleet.hosts", Integer.class),
                environment.getRequiredProperty("benchmark.fleet.vms", Integer.class),
                environment.getRequiredProperty("benchmark.fleet.groups", Integer.class));
        List<HostDefinition> definitions = new ArrayList<>();
        for (int h = 0; h < plan.hosts; h++) {
            definitions.add(FleetSimulator.definition(plan, h, false));
        }
        Path state = Path.of(environment.getRequiredProperty("benchmark.fleet.state-dir"));
        return new Hosts(new SimulatorEngine(new SimulatorProperties(state, Duration.ZERO, definitions), Clock.systemUTC()));
    }

    /** Answers for the fleet's host names only, before any other engine (the built-in simulator serves sim:// too). */
    static final class Hosts implements HypervisorEngine, Ordered {
        private final SimulatorEngine simulator;

        Hosts(SimulatorEngine simulator) {
            this.simulator = simulator;
        }

        @Override
        public String name() {
            return "simulator (benchmark fleet)";
        }

        @Override
        public boolean handles(URI uri) {
            return "sim".equals(uri.getScheme()) && uri.getAuthority() != null && uri.getAuthority().startsWith("bench-");
        }

        @Override
        public HostConnection connect(URI uri) {
            return simulator.connect(uri);
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
