package dev.corral.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corral.engine.Capability;
import dev.corral.engine.EngineException;
import dev.corral.engine.HostConnection;
import dev.corral.engine.IntegrationService;
import dev.corral.engine.VirtualSwitch;
import dev.corral.engine.VlanSetting;
import dev.corral.engine.VmInfo;
import dev.corral.engine.VmSpec;
import dev.corral.engine.VmState;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

/** What only the simulator does: survive restarts, show intermediate states, take injected faults. */
class SimulatorEngineTest {

    private static final URI HOST_A = URI.create("sim://host-a");

    @TempDir
    Path stateDir;

    @Test
    void aHostKeepsItsVmsAcrossARestartOfCorral() {
        HostConnection before = SimulatorFixtures.twoHosts(stateDir).connect(HOST_A);
        UUID id = before.define(spec("keeper", Set.of())).id();
        before.start(id);
        before.createSnapshot(id, "s1");

        HostConnection after = SimulatorFixtures.twoHosts(stateDir).connect(HOST_A);

        assertThat(after.vm(id).state()).isEqualTo(VmState.RUNNING);
        assertThat(after.snapshots(id)).extracting(s -> s.name()).containsExactly("s1");
    }

    @Test
    void operationsPassThroughIntermediateStates() throws Exception {
        SimulatorEngine engine = SimulatorFixtures.engine(stateDir, Duration.ofMillis(400), Clock.systemUTC(),
                SimulatorFixtures.host("host-a"));
        HostConnection host = engine.connect(HOST_A);
        UUID id = host.define(spec("slow", Set.of())).id();

        CompletableFuture<VmInfo> starting = CompletableFuture.supplyAsync(() -> host.start(id));
        awaitState(host, id, VmState.STARTING);
        assertThatThrownBy(() -> host.turnOff(id)).as("one operation per VM at a time")
                .isInstanceOf(EngineException.InvalidState.class).hasMessageContaining("starting");

        assertThat(starting.get().state()).isEqualTo(VmState.RUNNING);
    }

    @Test
    void anUnreachableHostFailsEveryCallAndRecovers() {
        SimulatorEngine engine = SimulatorFixtures.twoHosts(stateDir);
        HostConnection host = engine.connect(HOST_A);
        UUID id = host.define(spec("patient", Set.of())).id();

        engine.faults("host-a").setUnreachable(true);
        assertThatThrownBy(host::listVms).isInstanceOf(EngineException.HostUnreachable.class)
                .hasMessageContaining("host-a");
        assertThatThrownBy(() -> host.start(id)).isInstanceOf(EngineException.HostUnreachable.class);

        engine.faults("host-a").setUnreachable(false);
        assertThat(host.vm(id).state()).isEqualTo(VmState.OFF);
    }

    @Test
    void aFailedOperationLeavesTheVmAsItWas() {
        SimulatorEngine engine = SimulatorFixtures.twoHosts(stateDir);
        HostConnection host = engine.connect(HOST_A);
        UUID id = host.define(spec("fragile", Set.of())).id();
        host.start(id);

        engine.faults("host-a").failNextOperation("disk full");

        assertThatThrownBy(() -> host.save(id)).isInstanceOf(EngineException.Failed.class).hasMessageContaining("disk full");
        assertThat(host.vm(id).state()).isEqualTo(VmState.RUNNING);
        assertThat(host.save(id).state()).as("the fault fires once").isEqualTo(VmState.SAVED);
    }

    @Test
    void aMigrationTheTargetRefusesLeavesTheVmRunningOnTheSource() {
        SimulatorEngine engine = SimulatorFixtures.twoHosts(stateDir);
        HostConnection source = engine.connect(HOST_A);
        HostConnection target = engine.connect(URI.create("sim://host-b"));
        UUID id = source.define(spec("stayer", Set.of())).id();
        source.start(id);
        engine.faults("host-b").setUnreachable(true);

        assertThatThrownBy(() -> source.quickMigrate(id, target)).isInstanceOf(EngineException.HostUnreachable.class);

        assertThat(source.vm(id).state()).isEqualTo(VmState.RUNNING);
    }

    @Test
    void heartbeatAppearsOnlyWhenTheGuestRunsWithIntegrationServicesOn() {
        HostConnection host = SimulatorFixtures.twoHosts(stateDir).connect(HOST_A);
        UUID with = host.define(spec("with", EnumSet.allOf(IntegrationService.class))).id();
        UUID without = host.define(spec("without", Set.of())).id();
        host.start(with);
        host.start(without);

        assertThat(status(host.vm(with), IntegrationService.HEARTBEAT)).isEqualTo(VmInfo.IntegrationStatus.Status.OK);
        assertThat(status(host.vm(without), IntegrationService.HEARTBEAT)).isEqualTo(VmInfo.IntegrationStatus.Status.DISABLED);
        assertThatThrownBy(() -> host.shutdown(without)).isInstanceOf(EngineException.InvalidState.class)
                .hasMessageContaining("shutdown integration service");
    }

    @Test
    void aHostWithoutSnapshotsSaysWhy() {
        SimulatorProperties.HostDefinition plain = SimulatorFixtures.host("host-a");
        SimulatorProperties.HostDefinition noSnapshots = new SimulatorProperties.HostDefinition(plain.name(),
                plain.cpuModel(), 1, 2, 1, 4096, 512, true, true, plain.adapters(), plain.switches(), List.of(),
                Map.of(Capability.SNAPSHOTS, "This host's hypervisor does not support snapshots."), null, null, null);
        HostConnection host = SimulatorFixtures.engine(stateDir, Duration.ZERO, Clock.systemUTC(), noSnapshots).connect(HOST_A);
        UUID id = host.define(spec("plain", Set.of())).id();

        assertThat(host.capabilities().whyNot(Capability.SNAPSHOTS)).contains("This host's hypervisor does not support snapshots.");
        assertThatThrownBy(() -> host.createSnapshot(id, "x")).isInstanceOf(EngineException.Unsupported.class)
                .hasMessage("This host's hypervisor does not support snapshots.");
    }

    @Test
    void aSwitchCarriesOnlyItsAllowedVlansAndNeedsAnEthernetAdapter() {
        HostConnection host = SimulatorFixtures.twoHosts(stateDir).connect(HOST_A);
        assertThatThrownBy(() -> host.createSwitch(new VirtualSwitch("wifi", VirtualSwitch.Kind.EXTERNAL, "wlan0", null)))
                .isInstanceOf(EngineException.InvalidSpec.class).hasMessageContaining("Ethernet");
        assertThatThrownBy(() -> host.createSwitch(new VirtualSwitch("again", VirtualSwitch.Kind.EXTERNAL, "eth1", null)))
                .isInstanceOf(EngineException.InvalidSpec.class).hasMessageContaining("already backs");
        host.createSwitch(new VirtualSwitch("vlans", VirtualSwitch.Kind.PRIVATE, null, new TreeSet<>(Set.of(10, 20))));

        VmSpec allowed = wiredTo("ok", "vlans", new VlanSetting.Access(20));
        VmSpec refused = wiredTo("no", "vlans", new VlanSetting.Access(30));

        assertThat(host.define(allowed).spec().networkAdapters().getFirst().vlan()).isEqualTo(new VlanSetting.Access(20));
        assertThatThrownBy(() -> host.define(refused)).isInstanceOf(EngineException.InvalidSpec.class)
                .hasMessageContaining("[10, 20]");
    }

    @Test
    void theDemoFleetFileDescribesFourHostsWithTheirVms() throws Exception {
        var sources = new YamlPropertySourceLoader().load("fleet", new FileSystemResource("config/simulator/fleet.yml"));
        StandardEnvironment environment = new StandardEnvironment();
        sources.forEach(environment.getPropertySources()::addFirst);
        SimulatorProperties fleet = new Binder(ConfigurationPropertySources.get(environment))
                .bind("corral.simulator", SimulatorProperties.class).get();
        SimulatorProperties here = new SimulatorProperties(stateDir, Duration.ZERO, fleet.hosts());
        SimulatorEngine engine = new SimulatorEngine(here, Clock.systemUTC());

        assertThat(fleet.hosts()).extracting(SimulatorProperties.HostDefinition::name)
                .containsExactly("hq-hv01", "hq-hv02", "br-hv01", "br-hv02");
        int vms = 0;
        for (SimulatorProperties.HostDefinition host : fleet.hosts()) {
            List<VmInfo> listed = engine.connect(URI.create("sim://" + host.name())).listVms();
            assertThat(listed).hasSize(host.vms().size());
            vms += listed.size();
        }
        assertThat(vms).isEqualTo(15);
        assertThat(fleet.hosts().stream().flatMap(h -> h.vms().stream()).filter(v -> !v.registered())).hasSize(3);
        assertThat(engine.connect(URI.create("sim://hq-hv01")).listVms())
                .filteredOn(v -> v.name().equals("sql01")).singleElement()
                .satisfies(sql -> assertThat(engine.connect(URI.create("sim://hq-hv01")).snapshots(sql.id())).hasSize(2));
    }

    private static VmSpec spec(String name, Set<IntegrationService> services) {
        return new VmSpec(name, 1, 512, VmSpec.Architecture.X64, new VmSpec.GuestOs(VmSpec.GuestOs.Family.WINDOWS, null),
                List.of(), List.of(), services);
    }

    private static VmSpec wiredTo(String name, String switchName, VlanSetting vlan) {
        return new VmSpec(name, 1, 512, VmSpec.Architecture.X64, new VmSpec.GuestOs(VmSpec.GuestOs.Family.LINUX, null),
                List.of(), List.of(new VmSpec.NetworkAdapter(VmSpec.AdapterType.SYNTHETIC, switchName, vlan, null)), Set.of());
    }

    private static VmInfo.IntegrationStatus.Status status(VmInfo vm, IntegrationService service) {
        return vm.integration().stream().filter(s -> s.service() == service).findFirst().orElseThrow().status();
    }

    private static void awaitState(HostConnection host, UUID id, VmState state) throws InterruptedException {
        for (int i = 0; i < 100 && host.vm(id).state() != state; i++) {
            Thread.sleep(5);
        }
        assertThat(host.vm(id).state()).isEqualTo(state);
    }
}
