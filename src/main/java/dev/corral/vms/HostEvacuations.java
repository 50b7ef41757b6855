package dev.corral.vms;

import dev.corral.base.InvalidInputException;
import dev.corral.engine.EngineException;
import dev.corral.engine.Engines;
import dev.corral.engine.HostConnection;
import dev.corral.engine.VmInfo;
import dev.corral.engine.VmSpec;
import dev.corral.engine.VmState;
import dev.corral.hosts.HostEvacuation;
import dev.corral.hosts.HostSummary;
import dev.corral.hosts.HostTree;
import dev.corral.jobs.JobView;
import java.net.URI;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Evacuates a host entering maintenance mode through the ordinary quick migration, so that each
 * move is checked, run and audited exactly as one an administrator starts by hand.
 */
@Service
class HostEvacuations implements HostEvacuation {

    private static final Set<VmState> ACTIVE = EnumSet.of(VmState.RUNNING, VmState.PAUSED);

    private final VmRepository vms;
    private final VmRuntimeRepository runtime;
    private final HostTree tree;
    private final Engines engines;
    private final VmSnapshots migration;

    HostEvacuations(VmRepository vms, VmRuntimeRepository runtime, HostTree tree, Engines engines, VmSnapshots migration) {
        this.vms = vms;
        this.runtime = runtime;
        this.tree = tree;
        this.engines = engines;
        this.migration = migration;
    }

    @Override
    public List<String> activeVms(UUID hostId) {
        return active(hostId).stream().map(a -> a.vm().name()).toList();
    }

    /** Plans every move before starting any, so that a VM with nowhere to go stops the evacuation whole. */
    @Override
    public List<JobView> evacuate(UUID hostId) {
        Map<Vm, HostSummary> plan = new LinkedHashMap<>();
        for (Active active : active(hostId)) {
            plan.put(active.vm(), target(active));
        }
        return plan.entrySet().stream().map(e -> migration.migrate(e.getKey().id(), e.getValue().id())).toList();
    }

    /** A VM to move, with the switches its adapters connect to, which its new host must have. */
    private record Active(Vm vm, Set<String> switches, List<VmSpec.NetworkAdapter> adapters) {
    }

    /** The running and paused VMs on the host, as the host reports them, or as last recorded where it does not answer. */
    private List<Active> active(UUID hostId) {
        Optional<HostSummary> host = tree.host(hostId);
        if (host.isEmpty()) {
            return List.of();
        }
        return vms.findByHostId(hostId).stream()
                .sorted(Comparator.comparing(Vm::name, String.CASE_INSENSITIVE_ORDER))
                .map(vm -> live(host.get(), vm)).flatMap(Optional::stream).toList();
    }

    private Optional<Active> live(HostSummary host, Vm vm) {
        try {
            VmInfo info = engines.connection(URI.create(host.uri())).vm(vm.id());
            Set<String> switches = info.spec().networkAdapters().stream().map(VmSpec.NetworkAdapter::switchName)
                    .filter(Objects::nonNull).collect(Collectors.toCollection(() -> new TreeSet<>(String.CASE_INSENSITIVE_ORDER)));
            return ACTIVE.contains(info.state()) ? Optional.of(new Active(vm, switches, info.spec().networkAdapters()))
                    : Optional.empty();
        } catch (EngineException e) {
            VmState recorded = runtime.findById(vm.id()).map(VmRuntime::state).orElse(VmState.UNKNOWN);
            return ACTIVE.contains(recorded) ? Optional.of(new Active(vm, Set.of(), List.of())) : Optional.empty();
        }
    }

    /** The answering host with the VM's switches and the most free memory. */
    private HostSummary target(Active active) {
        List<HostSummary> candidates = migration.migrationTargets(active.vm().id());
        HostSummary best = null;
        long bestFree = -1;
        for (HostSummary candidate : candidates) {
            try {
                HostConnection connection = engines.connection(URI.create(candidate.uri()));
                long free = connection.facts().memoryFreeMiB();
                if (free > bestFree && NetworkFit.missing(active.adapters(), connection.switches()).isEmpty()) {
                    best = candidate;
                    bestFree = free;
                }
            } catch (EngineException e) {
                // A host that does not answer cannot receive a VM; the next candidate may.
            }
        }
        if (best == null) {
            String needs = active.switches().isEmpty() ? "" : ", has virtual switch" + (active.switches().size() == 1 ? " " : "es ")
                    + String.join(", ", active.switches()) + " with the VLANs its adapters use";
            throw new InvalidInputException("maintenance", active.vm().name() + " would have nowhere to go: no other host "
                    + "of the cluster answers, is out of maintenance mode" + needs
                    + " and is one your roles let you migrate it to.");
        }
        return best;
    }
}
