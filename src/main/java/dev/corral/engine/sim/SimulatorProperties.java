package dev.corral.engine.sim;

import dev.corral.engine.Capability;
import dev.corral.engine.HostFacts.PhysicalAdapter.Medium;
import dev.corral.engine.IntegrationService;
import dev.corral.engine.VirtualSwitch;
import dev.corral.engine.VmSpec;
import dev.corral.engine.VmState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * The simulated hosts ({@code config/simulator/fleet.yml}) and how the simulator behaves.
 *
 * @param stateDir       where the hosts keep their state across restarts of Corral
 * @param operationDelay how long a start, shutdown or save takes (intermediate states last this long)
 * @param shared         whether several Corral processes use {@code stateDir} at once: each operation then
 *                       locks the host's state file across processes and first reads what others changed
 */
@ConfigurationProperties("corral.simulator")
public record SimulatorProperties(Path stateDir, Duration operationDelay, List<HostDefinition> hosts, boolean shared) {

    @ConstructorBinding
    public SimulatorProperties {
        stateDir = stateDir == null ? Path.of("data", "simulator") : stateDir;
        operationDelay = operationDelay == null ? Duration.ofMillis(100) : operationDelay;
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
    }

    /** A simulator whose state folder this process has to itself. */
    public SimulatorProperties(Path stateDir, Duration operationDelay, List<HostDefinition> hosts) {
        this(stateDir, operationDelay, hosts, false);
    }

    /**
     * One simulated host as first booted. Host group, edition and cluster are what the inventory
     * registers the demo fleet with; the simulator itself ignores them.
     *
     * @param unsupported capabilities this host lacks, with the reason shown to users
     */
    public record HostDefinition(String name, String cpuModel, int sockets, int coresPerSocket, int threadsPerCore,
            long memoryMiB, long reservedMemoryMiB, Boolean hardwareVirtualization, Boolean dataExecutionPrevention,
            List<AdapterDefinition> adapters, List<SwitchDefinition> switches, List<VmDefinition> vms,
            Map<Capability, String> unsupported, String hostGroup, String edition, String cluster) {

        public HostDefinition {
            cpuModel = cpuModel == null ? "Simulated x64 processor" : cpuModel;
            sockets = Math.max(1, sockets);
            coresPerSocket = Math.max(1, coresPerSocket);
            threadsPerCore = Math.max(1, threadsPerCore);
            memoryMiB = memoryMiB <= 0 ? 16384 : memoryMiB;
            reservedMemoryMiB = reservedMemoryMiB <= 0 ? Math.min(2048, memoryMiB / 8) : reservedMemoryMiB;
            hardwareVirtualization = hardwareVirtualization == null || hardwareVirtualization;
            dataExecutionPrevention = dataExecutionPrevention == null || dataExecutionPrevention;
            adapters = adapters == null ? List.of() : List.copyOf(adapters);
            switches = switches == null ? List.of() : List.copyOf(switches);
            vms = vms == null ? List.of() : List.copyOf(vms);
            unsupported = unsupported == null ? Map.of() : Map.copyOf(unsupported);
        }

        int logicalProcessors() {
            return sockets * coresPerSocket * threadsPerCore;
        }
    }

    public record AdapterDefinition(String name, String mac, Medium medium, long speedMbps) {
        public AdapterDefinition {
            medium = medium == null ? Medium.ETHERNET : medium;
            speedMbps = speedMbps <= 0 ? 1000 : speedMbps;
        }
    }

    public record SwitchDefinition(String name, VirtualSwitch.Kind kind, String physicalAdapter, List<Integer> allowedVlans) {
        VirtualSwitch toSwitch() {
            return new VirtualSwitch(name, kind, physicalAdapter,
                    allowedVlans == null ? null : new java.util.TreeSet<>(allowedVlans));
        }
    }

    /**
     * A VM present on the host when it first boots.
     *
     * @param registered false for VMs that exist on the host but were never added to the inventory
     *                   (what sprawl detection must find)
     */
    public record VmDefinition(String name, int vcpus, long memoryMiB, VmSpec.Architecture architecture,
            VmSpec.GuestOs.Family guestFamily, String guestName, VmState state, String switchName, Integer vlan,
            Set<IntegrationService> integrationServices, List<String> snapshots, Boolean registered,
            String owner, Long diskGiB, String purpose, Map<String, String> tags) {

        public VmDefinition {
            tags = tags == null ? Map.of() : Map.copyOf(tags);
            vcpus = Math.max(1, vcpus);
            memoryMiB = memoryMiB <= 0 ? 1024 : memoryMiB;
            architecture = architecture == null ? VmSpec.Architecture.X64 : architecture;
            guestFamily = guestFamily == null ? VmSpec.GuestOs.Family.LINUX : guestFamily;
            state = state == null ? VmState.OFF : state;
            integrationServices = integrationServices == null
                    ? EnumSet.allOf(IntegrationService.class) : Set.copyOf(integrationServices);
            snapshots = snapshots == null ? List.of() : List.copyOf(snapshots);
            registered = registered == null || registered;
            diskGiB = diskGiB == null ? 40L : diskGiB;
        }
    }
}
