package dev.corral.engine.sim;

import dev.corral.engine.EngineContract;
import dev.corral.engine.HostConnection;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The engine contract against the simulator. */
class SimulatorContractTest extends EngineContract {

    @TempDir
    Path stateDir;

    private SimulatorEngine engine;

    private SimulatorEngine engine() {
        if (engine == null) {
            engine = SimulatorFixtures.twoHosts(stateDir);
        }
        return engine;
    }

    @Override
    protected HostConnection connectHostA() {
        return engine().connect(URI.create("sim://host-a"));
    }

    @Override
    protected HostConnection connectHostB() {
        return engine().connect(URI.create("sim://host-b"));
    }

    @Override
    protected long memoryThatFitsOnlyOnce() {
        return 4096;
    }
}
