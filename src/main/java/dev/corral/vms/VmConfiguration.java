package dev.corral.vms;

import dev.corral.access.AccessPolicy;
import dev.corral.access.CurrentCaller;
import dev.corral.access.Permission;
import dev.corral.access.PrincipalDirectory;
import dev.corral.access.Scope;
import dev.corral.access.audit.AuditEvent;
import dev.corral.access.audit.AuditTrail;
import dev.corral.base.InvalidInputException;
import dev.corral.engine.EngineException;
import dev.corral.engine.Engines;
import dev.corral.engine.HostConnection;
import dev.corral.engine.VmSpec;
import java.util.List;
import dev.corral.engine.VmState;
import dev.corral.hosts.HostSummary;
import dev.corral.jobs.JobService;
import dev.corral.jobs.JobService.JobRequest;
import java.net.URI;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changes a VM's configuration (processors, memory, owner) under optimistic locking: the caller
 * sends the version it read, and a change made since then wins. The host is changed first, then
 * the inventory; should the inventory refuse, the host gets its old specification back.
 * Synchronous, but recorded as a job so that it holds the VM against other jobs and shows in the
 * jobs strip.
 */
@Service
public class VmConfiguration {

    private static final Logger log = LoggerFactory.getLogger(VmConfiguration.class);

    private final VmLookup lookup;
    private final VmRepository vms;
    private final VmRuntimeRepository runtime;
    private final Engines engines;
    private final AccessPolicy policy;
    private final PrincipalDirectory directory;
    private final JobService jobs;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final VmGuards guards;
    private final VmAdapters adapters;

    VmConfiguration(VmAdapters adapters, VmGuards guards, VmLookup lookup, VmRepository vms, VmRuntimeRepository runtime, Engines engines, AccessPolicy policy,
            PrincipalDirectory directory, JobService jobs, TransactionTemplate transactions,
            AuditTrail audit) {
        this.guards = guards;
        this.adapters = adapters;
        this.lookup = lookup;
        this.vms = vms;
        this.runtime = runtime;
        this.engines = engines;
        this.policy = policy;
        this.directory = directory;
        this.jobs = jobs;
        this.transactions = transactions;
        this.audit = audit;
    }

    /** The virtual switches of the VM's host, for the edit form; empty when it does not answer. */
    public List<String> switchesFor(UUID id) {
        Vm vm = lookup.visible(id);
        if (!policy.allows(Permission.VM_CONFIGURE, Scope.vm(id))) {
            return List.of();
        }
        try {
            return engines.connection(URI.create(lookup.hostOf(vm).uri())).switches().stream()
                    .map(dev.corral.engine.VirtualSwitch::name).toList();
        } catch (EngineException e) {
            return List.of();
        }
    }

    /** Whether the caller may change the VM's owner, for the edit form. */
    public boolean mayChangeOwner(UUID id) {
        return policy.allows(Permission.VM_OWNERSHIP, Scope.vm(id));
    }

    /**
     * Applies the change if the VM is still at {@code expectedVersion}; answers with the VM as it
     * is now, at its new version.
     */
    public VmRow configure(UUID id, long expectedVersion, VmChange change) {
        Vm vm = lookup.visible(id);
        if (change.resizes() || change.describes()) {
            policy.require(Permission.VM_CONFIGURE, Scope.vm(id));
        }
        if (change.changesOwner()) {
            policy.require(Permission.VM_OWNERSHIP, Scope.vm(id));
        }
        requireVersion(vm, expectedVersion);
        VmEdit edit = VmEdit.of(vm, change);
        if (edit.isEmpty()) {
            return row(vm, lookup.hostOf(vm));
        }
        if (edit.newOwner() != null && directory.groupsOf(edit.newOwner()).isEmpty()) {
            throw new InvalidInputException("owner", "The directory has no user " + edit.newOwner() + ".");
        }
        if (edit.rewires()) {
            VmState state = runtime.findById(id).map(VmRuntime::state).orElse(VmState.UNKNOWN);
            if (state != VmState.OFF) {
                throw new InvalidInputException("networkAdapters", "Turn " + vm.name() + " off before changing its network "
                        + "adapters (it is " + state.name().toLowerCase(java.util.Locale.ROOT) + ").");
            }
            HostConnection connection = engines.connection(URI.create(lookup.hostOf(vm).uri()));
            VmCreation.checkAdapters(lookup.hostOf(vm).name(), edit.newAdapters(), connection.capabilities(),
                    connection.switches(), false);
            adapters.requireUnusedMacs(edit.newAdapters(), id, false);
        }
        // The per-VM limits, then the quota, decided under the owner's quota lock; the room is held
        // until the inventory shows the new size, so parallel resizes cannot together pass the quota.
        Runnable releaseQuota = guards.admitSize("vm.configure", vm, edit.newVcpus(), edit.newMemoryMiB());
        HostSummary host = lookup.hostOf(vm);
        Actor actor = Actor.current();
        AtomicReference<VmRow> changed = new AtomicReference<>();
        try {
            jobs.runNow(new JobRequest("vm.configure", id, vm.name(), host.id(), true, "Change " + vm.name() + ": " + edit,
                    progress -> {
                        changed.set(apply(id, expectedVersion, edit, host));
                        return vm.name() + ": " + edit + ".";
                    }));
        } catch (RuntimeException e) {
            audit.record(actor.event(vm, refusal(e) ? AuditEvent.Outcome.REFUSED : AuditEvent.Outcome.FAILED,
                    edit + ": " + reason(e)));
            throw e;
        } finally {
            releaseQuota.run();
        }
        audit.record(actor.event(vm, AuditEvent.Outcome.SUCCESS, edit.toString()));
        return changed.get();
    }

    private void requireVersion(Vm vm, long expectedVersion) {
        if (vm.version() != expectedVersion) {
            StaleVersionException stale = new StaleVersionException(vm.name());
            audit.record(Actor.current().event(vm, AuditEvent.Outcome.REFUSED, stale.getMessage()));
            throw stale;
        }
    }

    /** On the job: the host, then the inventory, checking the version again in both. */
    private VmRow apply(UUID id, long expectedVersion, VmEdit edit, HostSummary host) {
        Vm current = vms.findById(id).orElseThrow(() -> new VmNotFoundException("There is no VM " + id + "."));
        if (current.version() != expectedVersion) {
            throw new StaleVersionException(current.name());
        }
        HostConnection connection = engines.connection(URI.create(host.uri()));
        VmSpec before = edit.resizes() || edit.rewires() ? connection.vm(id).spec() : null;
        VmSpec after = before == null ? null : connection.update(id, changed(before, edit)).spec();
        try {
            return transactions.execute(status -> {
                Vm vm = vms.findById(id).orElseThrow(() -> new VmNotFoundException("There is no VM " + id + "."));
                if (vm.version() != expectedVersion) {
                    throw new StaleVersionException(vm.name());
                }
                vm.configure(edit.newVcpus(), edit.newMemoryMiB(), edit.newOwnerOr(vm.owner()));
                vm.purpose(edit.newPurpose());
                if (edit.retags()) {
                    vm.retag(edit.newTags());
                }
                if (edit.rewires()) {
                    // The host's adapters, with the MACs it generated; those the user gave are static.
                    // A MAC the host generated stays generated when the form sends it back unchanged.
                    java.util.Set<String> generated = adapters.ofVm(id).stream().filter(a -> !a.staticMac())
                            .map(a -> a.adapter().mac()).filter(java.util.Objects::nonNull)
                            .collect(java.util.stream.Collectors.toSet());
                    java.util.Set<String> statics = edit.newAdapters().stream().map(VmSpec.NetworkAdapter::mac)
                            .filter(java.util.Objects::nonNull).filter(mac -> !generated.contains(mac))
                            .collect(java.util.stream.Collectors.toSet());
                    adapters.record(id, vm.hostId(), after.networkAdapters(), statics);
                }
                vms.saveAndFlush(vm);
                return row(vm, host);
            });
        } catch (RuntimeException e) {
            if (before != null) {
                restore(connection, id, before);
            }
            if (e instanceof ObjectOptimisticLockingFailureException) {
                throw new StaleVersionException(current.name());
            }
            throw e;
        }
    }

    private static VmSpec changed(VmSpec before, VmEdit edit) {
        try {
            return new VmSpec(before.name(), edit.newVcpus(), edit.newMemoryMiB(), before.architecture(), before.guestOs(),
                    before.disks(), edit.rewires() ? edit.newAdapters() : before.networkAdapters(), before.integrationServices());
        } catch (EngineException.InvalidSpec e) {
            throw new InvalidInputException(VmCreation.fieldOf(e.getMessage()), e.getMessage());
        }
    }

    private static void restore(HostConnection connection, UUID id, VmSpec before) {
        try {
            connection.update(id, before);
        } catch (EngineException e) {
            // The reconciler will report the difference between host and inventory as a finding.
            log.error("Could not put VM {} back to its old specification after the inventory refused the change", id, e);
        }
    }

    private VmRow row(Vm vm, HostSummary host) {
        return vm.row(host.name(), runtime.findById(vm.id()).map(VmRuntime::state).orElse(VmState.UNKNOWN));
    }

    private static boolean refusal(RuntimeException e) {
        return !(e instanceof EngineException.HostUnreachable || e instanceof EngineException.Failed)
                && e.getClass().getPackageName().startsWith("dev.corral");
    }

    private static String reason(RuntimeException e) {
        return e.getClass().getPackageName().startsWith("dev.corral") && e.getMessage() != null ? e.getMessage()
                : "Internal error: " + e.getClass().getSimpleName();
    }

    /** Who asked, from where: for the audit record. */
    private record Actor(String user, String address, dev.corral.access.Channel channel) {
        static Actor current() {
            return new Actor(CurrentCaller.get().user(), CurrentCaller.sourceAddress(), CurrentCaller.channel());
        }

        AuditEvent event(Vm vm, AuditEvent.Outcome outcome, String details) {
            return new AuditEvent(user, address, channel, "vm.configure", "vm", vm.id().toString(), vm.name(), outcome, details);
        }
    }
}
