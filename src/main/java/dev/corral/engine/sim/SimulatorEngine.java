package dev.corral.engine.sim;

import dev.corral.engine.EngineException;
import dev.corral.engine.HostConnection;
import dev.corral.engine.HypervisorEngine;
import dev.corral.engine.VlanSetting;
import dev.corral.engine.VmSpec;
import dev.corral.engine.VmState;
import jakarta.annotation.PreDestroy;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.stereotype.Component;

/**
 * The built-in simulator: hosts described in {@code config/simulator/}, reachable as
 * {@code sim://<name>}, whose state survives restarts of Corral. The default engine, so that a
 * fresh checkout runs with no hypervisor at all. With {@code corral.simulator.shared}, several Corral
 * processes can use one state folder and see the same hosts.
 */
@Component
public class SimulatorEngine implements HypervisorEngine {

    public static final String SCHEME = "sim";

    private final SimulatorProperties properties;
    private final SimulatorStore store;
    private final Clock clock;
    private final Map<String, SimulatorFaults> faults = new LinkedHashMap<>();
    private final Map<String, SimulatedHost> hosts = new LinkedHashMap<>();
    // One thread delivers every host's events, so each subscriber sees them in order.
    private final ExecutorService eventDelivery = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "simulator-events");
        thread.setDaemon(true);
        return thread;
    });

    public SimulatorEngine(SimulatorProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.store = new SimulatorStore(properties.stateDir());
        properties.hosts().forEach(definition -> faults.put(definition.name(), new SimulatorFaults()));
    }

    @Override
    public String name() {
        return "simulator";
    }

    @Override
    public boolean handles(URI uri) {
        return SCHEME.equalsIgnoreCase(uri.getScheme());
    }

    @Override
    public synchronized HostConnection connect(URI uri) {
        String name = uri.getAuthority();
        SimulatorProperties.HostDefinition definition = properties.hosts().stream()
                .filter(h -> h.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new EngineException.HostUnreachable("No simulated host answers at " + uri
                        + "; the simulator's hosts are defined in config/simulator/.", null));
        return hosts.computeIfAbsent(definition.name(), n -> boot(definition));
    }

    /**
     * What a simulated VM's screen shows (typed line, Ctrl+Alt+Del count, pointer, viewers), for
     * tests that check what a console delivered. Nothing in the console or the API calls this.
     */
    public SimScreenState screen(String hostName, UUID vmId) {
        faults(hostName);
        return ((SimulatedHost) connect(URI.create(SCHEME + "://" + hostName))).screen(vmId);
    }

    /** The simulated hosts as configured, for registering the demo fleet. */
    public List<SimulatorProperties.HostDefinition> definitions() {
        return properties.hosts();
    }

    /** Fault injection for tests. Nothing in the console or the API calls this. */
    public SimulatorFaults faults(String hostName) {
        SimulatorFaults hostFaults = faults.get(hostName);
        if (hostFaults == null) {
            throw new IllegalArgumentException("No simulated host named " + hostName);
        }
        return hostFaults;
    }

    private SimulatedHost boot(SimulatorProperties.HostDefinition definition) {
        SimHostLock lock = properties.shared() ? SimHostLock.shared(store.lockFile(definition.name())) : SimHostLock.local();
        return new SimulatedHost(URI.create(SCHEME + "://" + definition.name()), definition,
                () -> store.load(definition.name()).orElseGet(() -> firstBoot(definition)), lock,
                faults.get(definition.name()), store, clock, properties.operationDelay().toMillis(), eventDelivery);
    }

    private SimVm.HostState firstBoot(SimulatorProperties.HostDefinition definition) {
        List<SimVm> vms = new ArrayList<>();
        for (SimulatorProperties.VmDefinition vm : definition.vms()) {
            vms.add(preExisting(definition, vm));
        }
        SimVm.HostState state = new SimVm.HostState(0L, vms,
                definition.switches().stream().map(SimulatorProperties.SwitchDefinition::toSwitch).toList());
        store.save(definition.name(), state);
        return state;
    }

    private SimVm preExisting(SimulatorProperties.HostDefinition host, SimulatorProperties.VmDefinition vm) {
        List<VmSpec.NetworkAdapter> adapters = vm.switchName() == null ? List.of()
                : List.of(new VmSpec.NetworkAdapter(VmSpec.AdapterType.SYNTHETIC, vm.switchName(),
                        vm.vlan() == null ? null : new VlanSetting.Access(vm.vlan()), null));
        VmSpec spec = new VmSpec(vm.name(), vm.vcpus(), vm.memoryMiB(), vm.architecture(),
                new VmSpec.GuestOs(vm.guestFamily(), vm.guestName()),
                List.of(new VmSpec.Disk("system", VmSpec.DiskKind.DYNAMIC, VmSpec.Bus.IDE, vm.diskGiB(),
                        "/var/lib/corral-sim/" + host.name() + "/" + vm.name().replace(' ', '_') + ".vhd", null)),
                adapters, vm.integrationServices());
        // Deterministic ids, so the demo fleet has the same VM ids on every machine.
        UUID id = UUID.nameUUIDFromBytes((host.name() + "/" + vm.name()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        SimVm simVm = new SimVm(id, spec, vm.state() == VmState.UNKNOWN ? VmState.OFF : vm.state(), List.of(), null);
        java.time.Instant taken = clock.instant().minus(java.time.Duration.ofDays(vm.snapshots().size() * 7L));
        for (String snapshot : vm.snapshots()) {
            simVm = SimSnapshots.create(simVm, snapshot, taken);
            taken = taken.plus(java.time.Duration.ofDays(7));
        }
        return simVm;
    }

    @PreDestroy
    void stop() {
        eventDelivery.shutdown();
    }
}
