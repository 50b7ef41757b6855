package dev.corral.vms;

import dev.corral.access.AccessPolicy;
import dev.corral.access.AssignmentService;
import dev.corral.access.CurrentCaller;
import dev.corral.access.Permission;
import dev.corral.access.PrincipalDirectory;
import dev.corral.access.QuotaGuard;
import dev.corral.access.QuotaUsage;
import dev.corral.access.Scope;
import dev.corral.access.audit.AuditEvent;
import dev.corral.access.audit.AuditTrail;
import dev.corral.base.ConflictException;
import dev.corral.base.InvalidInputException;
import dev.corral.base.NotFoundException;
import dev.corral.base.ServiceUnavailableException;
import dev.corral.engine.EngineException;
import dev.corral.engine.Engines;
import dev.corral.engine.HostConnection;
import dev.corral.engine.VmInfo;
import dev.corral.engine.VmState;
import dev.corral.hosts.HostSummary;
import dev.corral.hosts.HostTree;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reconciling the inventory with the hosts, one VM at a time, as sprawl tracking offers it: adopting
 * a VM found on a host but never registered (it gets an owner and a purpose), and forgetting a VM
 * whose host no longer has it. Both audited, refusals too.
 */
@Service
public class VmAdoption {

    private final HostTree tree;
    private final Engines engines;
    private final VmRepository vms;
    private final VmRuntimeRepository runtime;
    private final VmLookup lookup;
    private final VmAdapters adapters;
    private final VmDiskImages diskImages;
    private final Reconciler reconciler;
    private final AccessPolicy policy;
    private final QuotaGuard quotas;
    private final PrincipalDirectory directory;
    private final AssignmentService assignments;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    VmAdoption(HostTree tree, Engines engines, VmRepository vms, VmRuntimeRepository runtime, VmLookup lookup,
            VmAdapters adapters, Reconciler reconciler, AccessPolicy policy, QuotaGuard quotas, PrincipalDirectory directory,
            AssignmentService assignments, AuditTrail audit, TransactionTemplate transactions,
            ApplicationEventPublisher events, Clock clock, VmDiskImages diskImages) {
        this.diskImages = diskImages;
        this.tree = tree;
        this.engines = engines;
        this.vms = vms;
        this.runtime = runtime;
        this.lookup = lookup;
        this.adapters = adapters;
        this.reconciler = reconciler;
        this.policy = policy;
        this.quotas = quotas;
        this.directory = directory;
        this.assignments = assignments;
        this.audit = audit;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /**
     * What an adoption gives the VM.
     *
     * @param owner        a directory user; blank: the caller
     * @param leaseExpires optional, with {@code leaseAction}
     */
    public record Adoption(String owner, String purpose, LocalDate leaseExpires, VmLease.Action leaseAction) {
    }

    /** Whether the caller may adopt VMs found on this host (vm.create there), for the forms. */
    public boolean mayAdoptOn(UUID hostId) {
        return policy.allows(Permission.VM_CREATE, Scope.host(hostId));
    }

    /**
     * Registers a VM that runs on the host but is not in the inventory, as the host reports it, with
     * an owner and a purpose. Needs vm.create on the host, and vm.ownership there to name another
     * owner; counts against the caller's quota like a creation.
     */
    public UUID adopt(UUID hostId, UUID vmId, Adoption adoption) {
        policy.require(Permission.VM_CREATE, Scope.host(hostId));
        HostSummary host = tree.host(hostId).orElseThrow(() -> new NotFoundException("There is no host " + hostId + "."));
        String caller = CurrentCaller.get().user();
        String owner = adoption.owner() == null || adoption.owner().isBlank() ? caller : adoption.owner().strip();
        if (!owner.equalsIgnoreCase(caller)) {
            policy.require(Permission.VM_OWNERSHIP, Scope.host(hostId));
            if (owner.length() > 256 || directory.groupsOf(owner).isEmpty()) {
                throw new InvalidInputException("owner", "The directory has no user " + abbreviate(owner) + ".");
            }
        }
        String purpose = VmTags.purpose(adoption.purpose());
        if (purpose == null) {
            throw new InvalidInputException("purpose", "Say what the VM is for.");
        }
        VmLease lease = VmCreation.lease(adoption.leaseExpires(), adoption.leaseAction(), LocalDate.now(clock));
        VmInfo found = onHost(host, vmId);
        if (vms.existsById(vmId)) {
            refused("vm.adopt", vmId, found.name(), "It is in the inventory already.");
            throw new ConflictException(found.name() + " is in the inventory already.");
        }
        if (vms.existsByHostIdAndNameIgnoreCase(hostId, found.name())) {
            refused("vm.adopt", vmId, found.name(), "The inventory has another VM of that name on " + host.name() + ".");
            throw new ConflictException("The inventory has another VM named " + found.name() + " on " + host.name()
                    + "; forget that one first if it is gone.");
        }
        long storage = found.spec().disks().stream().mapToLong(d -> d.sizeGiB()).sum();
        Runnable release = quotas.reserveRoomFor("vm.adopt", Scope.host(hostId),
                new QuotaUsage.Usage(1, found.spec().vcpus(), found.spec().memoryMiB(), storage));
        try {
            transactions.executeWithoutResult(status -> {
                vms.save(new Vm(vmId, hostId, found.name(), owner, found.spec().vcpus(), found.spec().memoryMiB(), storage,
                        found.spec().guestOs().family().name()).describe(found.spec().architecture(),
                        found.spec().guestOs().name(), purpose, caller, clock.instant(), lease, Map.of()));
                vms.flush();
                adapters.record(vmId, hostId, found.spec().networkAdapters(), Set.of());
                diskImages.record(vmId, found.spec().disks(), true);
            });
        } finally {
            release.run();
        }
        reconciler.record(vmId, found.name(), found.state(), null);
        audit.record(event("vm.adopt", vmId, found.name(), AuditEvent.Outcome.SUCCESS, "Adopted " + found.name() + " on "
                + host.name() + ", owned by " + owner + ": " + purpose));
        return vmId;
    }

    /**
     * Removes the inventory's record of a VM its host no longer has (vm.delete on the VM). Refused
     * while the host has it, and while the host does not answer: then nobody can tell it is gone.
     */
    public void forget(UUID vmId) {
        Vm vm = lookup.visible(vmId);
        policy.require(Permission.VM_DELETE, Scope.vm(vmId));
        HostSummary host = lookup.hostOf(vm);
        boolean present;
        try {
            present = connection(host).listVms().stream().anyMatch(v -> v.id().equals(vmId));
        } catch (EngineException e) {
            refused("vm.forget", vmId, vm.name(), host.name() + " does not answer.");
            throw new ServiceUnavailableException(host.name() + " does not answer, so nobody can tell whether " + vm.name()
                    + " is gone; its record is kept until the host answers again.", e);
        }
        if (present) {
            refused("vm.forget", vmId, vm.name(), "It is still on " + host.name() + ".");
            throw new ConflictException(vm.name() + " is still on " + host.name() + "; delete the VM instead.");
        }
        transactions.executeWithoutResult(status -> {
            runtime.findById(vmId).ifPresent(runtime::delete);
            vms.deleteById(vmId);
            assignments.forget(Scope.vm(vmId));
        });
        audit.record(event("vm.forget", vmId, vm.name(), AuditEvent.Outcome.SUCCESS, "Removed " + vm.name()
                + " from the inventory: " + host.name() + " no longer has it."));
        events.publishEvent(new VmStateChanged(vmId, vm.name(), VmState.UNKNOWN));
    }

    private VmInfo onHost(HostSummary host, UUID vmId) {
        try {
            return connection(host).vm(vmId);
        } catch (EngineException.NotFound gone) {
            throw new NotFoundException(host.name() + " has no VM " + vmId + " (any more).");
        } catch (EngineException e) {
            throw new ServiceUnavailableException(host.name() + " does not answer: " + e.getMessage(), e);
        }
    }

    private HostConnection connection(HostSummary host) {
        return engines.connection(URI.create(host.uri()));
    }

    private void refused(String action, UUID vmId, String name, String why) {
        audit.record(event(action, vmId, name, AuditEvent.Outcome.REFUSED, why));
    }

    private static AuditEvent event(String action, UUID vmId, String name, AuditEvent.Outcome outcome, String details) {
        return new AuditEvent(CurrentCaller.get().user(), CurrentCaller.sourceAddress(), CurrentCaller.channel(), action,
                "vm", vmId.toString(), name, outcome, details);
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
