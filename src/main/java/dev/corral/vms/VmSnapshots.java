package dev.corral.vms;

import dev.corral.access.AccessPolicy;
import dev.corral.access.Permission;
import dev.corral.access.Scope;
import dev.corral.base.InvalidInputException;
import dev.corral.engine.Capability;
import dev.corral.engine.EngineException;
import dev.corral.engine.Engines;
import dev.corral.engine.HostCapabilities;
import dev.corral.engine.HostConnection;
import dev.corral.engine.SnapshotInfo;
import dev.corral.engine.VmSpec;
import dev.corral.hosts.HostSummary;
import dev.corral.hosts.HostTree;
import dev.corral.jobs.JobService;
import dev.corral.jobs.JobView;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * A VM's snapshot tree and its quick migration within its cluster: read from the engine, changed
 * as jobs, each after the access policy and the hosts' capabilities agree.
 */
@Service
public class VmSnapshots {

    public static final String TAKE = "take";
    public static final String APPLY = "apply";
    public static final String DELETE = "delete";
    public static final String MIGRATE = "migrate";

    private final VmLookup lookup;
    private final HostTree tree;
    private final Engines engines;
    private final AccessPolicy policy;
    private final JobService jobs;
    private final VmJobs work;

    private final VmGuards guards;

    VmSnapshots(VmLookup lookup, HostTree tree, Engines engines, AccessPolicy policy, JobService jobs, VmJobs work,
            VmGuards guards) {
        this.guards = guards;
        this.lookup = lookup;
        this.tree = tree;
        this.engines = engines;
        this.policy = policy;
        this.jobs = jobs;
        this.work = work;
    }

    /**
     * The snapshot section of a VM's page: the tree, or why the host could not give it, and each
     * operation (take, apply, delete, migrate) with the reason it is unavailable, if it is.
     */
    public record Overview(List<SnapshotInfo> snapshots, String hostProblem, Map<String, String> unavailable) {
    }

    /** The VM's snapshot tree as a flat list with parent links, as its host reports it. */
    public List<SnapshotInfo> snapshots(UUID vmId) {
        Vm vm = lookup.visible(vmId);
        return connection(lookup.hostOf(vm)).snapshots(vmId);
    }

    public Overview overview(UUID vmId) {
        Vm vm = lookup.visible(vmId);
        HostSummary host = lookup.hostOf(vm);
        try {
            HostConnection connection = connection(host);
            return new Overview(connection.snapshots(vmId), null, unavailable(vm, host, connection.capabilities()));
        } catch (EngineException e) {
            Map<String, String> all = new LinkedHashMap<>();
            List.of(TAKE, APPLY, DELETE, MIGRATE).forEach(op -> all.put(op, e.getMessage()));
            return new Overview(List.of(), e.getMessage(), all);
        }
    }

    public JobView createSnapshot(UUID vmId, String name) {
        Vm vm = lookup.visible(vmId);
        policy.require(Permission.VM_SNAPSHOT, Scope.vm(vmId));
        HostSummary host = lookup.hostOf(vm);
        HostConnection connection = connection(host);
        connection.capabilities().require(Capability.SNAPSHOTS);
        String snapshotName = name == null ? null : name.strip();
        try {
            VmSpec.checkName(snapshotName, "snapshot");
        } catch (EngineException.InvalidSpec e) {
            throw new InvalidInputException("name", e.getMessage());
        }
        if (connection.snapshots(vmId).stream().anyMatch(s -> s.name().equalsIgnoreCase(snapshotName))) {
            throw new InvalidInputException("name", vm.name() + " already has a snapshot named " + snapshotName + ".");
        }
        return jobs.submit(work.createSnapshot(vmId, vm.name(), host, snapshotName));
    }

    /** Renames a snapshot; its place in the tree and what it holds stay as they are. */
    public JobView renameSnapshot(UUID vmId, String snapshotId, String newName) {
        Vm vm = lookup.visible(vmId);
        policy.require(Permission.VM_SNAPSHOT, Scope.vm(vmId));
        HostSummary host = lookup.hostOf(vm);
        HostConnection connection = connection(host);
        SnapshotInfo snapshot = snapshot(vm, connection, snapshotId);
        String name = newName == null ? null : newName.strip();
        try {
            VmSpec.checkName(name, "snapshot");
        } catch (EngineException.InvalidSpec e) {
            throw new InvalidInputException("name", e.getMessage());
        }
        if (connection.snapshots(vmId).stream().anyMatch(s -> !s.id().equals(snapshotId) && s.name().equalsIgnoreCase(name))) {
            throw new InvalidInputException("name", vm.name() + " already has a snapshot named " + name + ".");
        }
        return jobs.submit(work.renameSnapshot(vmId, vm.name(), host, snapshot, name));
    }

    /**
     * Applying a snapshot gives the VM the size it had then, and, if it was taken while the VM ran
     * (or was paused), puts it back to running: it is admitted as a resize and a start are.
     */
    public JobView applySnapshot(UUID vmId, String snapshotId) {
        Vm vm = lookup.visible(vmId);
        policy.require(Permission.VM_SNAPSHOT_APPLY, Scope.vm(vmId));
        HostSummary host = lookup.hostOf(vm);
        SnapshotInfo snapshot = snapshot(vm, connection(host), snapshotId);
        int vcpus = snapshot.vcpus() > 0 ? snapshot.vcpus() : vm.vcpus();
        long memoryMiB = snapshot.memoryMiB() > 0 ? snapshot.memoryMiB() : vm.memoryMiB();
        PowerOnGuard.Cause cause = snapshot.vmState().usesMemory() ? PowerOnGuard.Cause.SNAPSHOT_APPLY : null;
        Runnable release;
        try {
            release = guards.admit(vm, host.id(), guards.recordedState(vmId), cause, vcpus, memoryMiB);
        } catch (InvalidInputException e) {
            // The per-VM limits speak of the vcpus and memoryMiB fields, which this request does not have.
            throw new dev.corral.base.RuleViolationException("Snapshot " + snapshot.name() + " gives " + vm.name() + " "
                    + vcpus + " virtual processors and " + memoryMiB + " MiB of memory: " + e.getMessage());
        }
        return VmGuards.submitHolding(jobs, work.applySnapshot(vmId, vm.name(), host, snapshot), release);
    }

    public JobView deleteSnapshot(UUID vmId, String snapshotId, boolean subtree) {
        Vm vm = lookup.visible(vmId);
        policy.require(Permission.VM_SNAPSHOT, Scope.vm(vmId));
        HostSummary host = lookup.hostOf(vm);
        SnapshotInfo snapshot = snapshot(vm, connection(host), snapshotId);
        return jobs.submit(work.deleteSnapshot(vmId, vm.name(), host, snapshot, subtree));
    }

    /** Quick migration: to another host of the VM's cluster where the caller may place VMs. */
    public JobView migrate(UUID vmId, UUID targetHostId) {
        Vm vm = lookup.visible(vmId);
        policy.require(Permission.VM_MIGRATE, Scope.vm(vmId));
        if (targetHostId == null) {
            throw new InvalidInputException("targetHost", "Choose the host to migrate " + vm.name() + " to.");
        }
        if (!mayReceive(targetHostId)) {
            // Before looking the host up, so that a host the caller may not use and one that does not exist look alike.
            policy.require(Permission.VM_MIGRATE, Scope.host(targetHostId));
        }
        HostSummary source = lookup.hostOf(vm);
        HostSummary target = tree.host(targetHostId)
                .orElseThrow(() -> new InvalidInputException("targetHost", "There is no host " + targetHostId + "."));
        checkSameCluster(vm, source, target);
        if (tree.inMaintenance(target.id())) {
            throw new InvalidInputException("targetHost", target.name() + " is in maintenance mode and receives no VMs.");
        }
        connection(source).capabilities().require(Capability.QUICK_MIGRATION);
        connection(target).capabilities().require(Capability.QUICK_MIGRATION);
        List<dev.corral.engine.VmSpec.NetworkAdapter> adapters = connection(source).vm(vmId).spec().networkAdapters();
        NetworkFit.missing(adapters, connection(target).switches()).ifPresent(why -> {
            throw new InvalidInputException("targetHost", target.name() + " cannot take " + vm.name() + ": " + why + ".");
        });
        dev.corral.engine.VmState current = guards.recordedState(vmId);
        if (current == dev.corral.engine.VmState.OFF || current == dev.corral.engine.VmState.SAVED) {
            return jobs.submit(work.migrate(vmId, vm.name(), source, target));
        }
        // It arrives running (or paused): it takes its place on the target before it moves.
        Runnable release = guards.admit(vm, target.id(), current, PowerOnGuard.Cause.MIGRATE_IN);
        return VmGuards.submitHolding(jobs, work.migrate(vmId, vm.name(), source, target), release);
    }

    /** The other hosts of the VM's cluster that the caller may migrate it to; none without vm.migrate on the VM. */
    public List<HostSummary> migrationTargets(UUID vmId) {
        Vm vm = lookup.visible(vmId);
        return policy.allows(Permission.VM_MIGRATE, Scope.vm(vmId)) ? targets(lookup.hostOf(vm)) : List.of();
    }

    private List<HostSummary> targets(HostSummary source) {
        if (source.cluster() == null) {
            return List.of();
        }
        return tree.hosts().stream()
                .filter(h -> !h.id().equals(source.id()) && source.cluster().equalsIgnoreCase(h.cluster()))
                .filter(h -> mayReceive(h.id()) && !tree.inMaintenance(h.id())).toList();
    }

    private boolean mayReceive(UUID hostId) {
        return policy.allows(Permission.VM_MIGRATE, Scope.host(hostId)) || policy.allows(Permission.VM_CREATE, Scope.host(hostId));
    }

    private static void checkSameCluster(Vm vm, HostSummary source, HostSummary target) {
        if (source.id().equals(target.id())) {
            throw new InvalidInputException("targetHost", vm.name() + " already runs on " + source.name() + ".");
        }
        if (source.cluster() == null || !source.cluster().equalsIgnoreCase(target.cluster())) {
            throw new InvalidInputException("targetHost", "Quick migration moves a VM within its cluster; " + source.name()
                    + " and " + target.name() + " are not in one cluster.");
        }
    }

    private static SnapshotInfo snapshot(Vm vm, HostConnection connection, String snapshotId) {
        connection.capabilities().require(Capability.SNAPSHOTS);
        return connection.snapshots(vm.id()).stream().filter(s -> s.id().equals(snapshotId)).findFirst()
                .orElseThrow(() -> new EngineException.NotFound("VM " + vm.name() + " has no snapshot " + snapshotId + "."));
    }

    private Map<String, String> unavailable(Vm vm, HostSummary host, HostCapabilities capabilities) {
        Map<String, String> reasons = new LinkedHashMap<>();
        String snapshots = capabilities.whyNot(Capability.SNAPSHOTS).orElse(null);
        reasons.put(TAKE, missing(Permission.VM_SNAPSHOT, vm, snapshots));
        reasons.put(DELETE, missing(Permission.VM_SNAPSHOT, vm, snapshots));
        reasons.put(APPLY, missing(Permission.VM_SNAPSHOT_APPLY, vm, snapshots));
        String migrate = missing(Permission.VM_MIGRATE, vm, capabilities.whyNot(Capability.QUICK_MIGRATION).orElse(null));
        if (migrate == null && host.cluster() == null) {
            migrate = host.name() + " is in no failover cluster; quick migration moves a VM between the hosts of one.";
        } else if (migrate == null && targets(host).isEmpty()) {
            migrate = "No other host of cluster " + host.cluster()
                    + " is out of maintenance mode and one your roles let you migrate VMs to.";
        }
        reasons.put(MIGRATE, migrate);
        reasons.values().removeIf(java.util.Objects::isNull);
        return reasons;
    }

    private String missing(Permission permission, Vm vm, String otherwise) {
        return policy.allows(permission, Scope.vm(vm.id())) ? otherwise
                : "Your roles do not include " + permission.code() + " on this VM.";
    }

    private HostConnection connection(HostSummary host) {
        return engines.connection(URI.create(host.uri()));
    }
}
