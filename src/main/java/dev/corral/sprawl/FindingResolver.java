package dev.corral.sprawl;

import dev.corral.access.AccessPolicy;
import dev.corral.access.CurrentCaller;
import dev.corral.access.Scope;
import dev.corral.access.audit.AuditEvent;
import dev.corral.access.audit.AuditTrail;
import dev.corral.base.ConflictException;
import dev.corral.base.InvalidInputException;
import dev.corral.base.NotFoundException;
import dev.corral.engine.VmState;
import dev.corral.jobs.JobView;
import dev.corral.vms.VmAdoption;
import dev.corral.vms.VmChange;
import dev.corral.vms.VmConfiguration;
import dev.corral.vms.VmInventory;
import dev.corral.vms.VmLease;
import dev.corral.vms.VmLeases;
import dev.corral.vms.VmService;
import dev.corral.vms.VmSnapshots;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Resolves findings: each action goes through the service that owns it (adoption and forgetting,
 * lease renewal, VM and snapshot deletion, owner change), with that service's access checks and
 * audit; ignoring and re-opening need the permission of the finding's main action. The finding
 * then records who resolved it and how.
 */
@Service
public class FindingResolver {

    private final SprawlFindings findings;
    private final FindingRepository repository;
    private final TransactionTemplate transactions;
    private final AccessPolicy policy;
    private final AuditTrail audit;
    private final VmAdoption adoption;
    private final VmLeases leases;
    private final VmService vms;
    private final VmSnapshots snapshots;
    private final VmConfiguration configuration;
    private final VmInventory inventory;
    private final Clock clock;

    FindingResolver(SprawlFindings findings, FindingRepository repository, TransactionTemplate transactions,
            AccessPolicy policy, AuditTrail audit, VmAdoption adoption, VmLeases leases, VmService vms,
            VmSnapshots snapshots, VmConfiguration configuration, VmInventory inventory, Clock clock) {
        this.findings = findings;
        this.repository = repository;
        this.transactions = transactions;
        this.policy = policy;
        this.audit = audit;
        this.adoption = adoption;
        this.leases = leases;
        this.vms = vms;
        this.snapshots = snapshots;
        this.configuration = configuration;
        this.inventory = inventory;
        this.clock = clock;
    }

    /** How one finding of a bulk resolution went. */
    public record Outcome(UUID findingId, String objectName, boolean resolved, String message) {
    }

    /** Resolves one finding the caller may see; answers with it as it is now. */
    public FindingView resolve(UUID id, Resolution resolution) {
        FindingView finding = findings.one(id);
        if (resolution == null || resolution.action() == null) {
            throw new InvalidInputException("action", "Choose what to do: " + choices(finding.kind()) + ".");
        }
        Resolution.Action action = resolution.action();
        if (finding.state() == FindingState.RESOLVED) {
            throw new ConflictException("This finding is resolved already"
                    + (finding.resolution() == null ? "." : ": " + finding.resolution()));
        }
        if (action == Resolution.Action.IGNORE || action == Resolution.Action.REOPEN) {
            return ignoreOrReopen(finding, action, resolution.note());
        }
        if (!finding.kind().actions().contains(action)) {
            throw new InvalidInputException("action", "A finding of kind " + finding.kind().code() + " is resolved by "
                    + choices(finding.kind()) + "; not by " + action.code() + ".");
        }
        String how = act(finding, action, resolution);
        return close(finding.id(), how);
    }

    /** Resolves each finding in turn; one that cannot be resolved does not stop the others. */
    public List<Outcome> resolveAll(Collection<UUID> ids, Resolution resolution) {
        List<Outcome> outcomes = new ArrayList<>();
        for (UUID id : ids) {
            try {
                FindingView done = resolve(id, resolution);
                outcomes.add(new Outcome(id, done.objectName(), true, done.resolution()));
            } catch (RuntimeException e) {
                if (!e.getClass().getPackageName().startsWith("dev.corral")) {
                    throw e;
                }
                // A finding the caller may not see is answered as not found, without its name.
                String name = e instanceof dev.corral.base.NotFoundException ? null
                        : repository.findById(id).map(Finding::objectName).orElse(null);
                outcomes.add(new Outcome(id, name, false, e.getMessage()));
            }
        }
        return outcomes;
    }

    private String act(FindingView finding, Resolution.Action action, Resolution r) {
        return switch (action) {
            case ADOPT -> {
                adoption.adopt(finding.hostId(), finding.vmId(), new VmAdoption.Adoption(r.owner(), r.purpose(),
                        r.leaseExpires(), r.leaseAction()));
                String owner = inventory.find(finding.vmId()).map(VmInventory.Entry::owner).orElse(r.owner());
                yield "Adopted, owned by " + owner + ".";
            }
            case REMOVE -> {
                adoption.forget(finding.vmId());
                yield "Removed from the inventory.";
            }
            case EXTEND_LEASE -> {
                VmLease lease = leases.renew(finding.vmId(), r.leaseExpires(), r.leaseAction());
                yield "Lease extended to " + lease.expires() + "; then: " + lease.action().label().toLowerCase(Locale.ROOT)
                        + ".";
            }
            case DELETE_VM -> {
                VmInventory.Entry vm = registered(finding);
                if (vm.state() != VmState.OFF && vm.state() != VmState.SAVED) {
                    throw new ConflictException(vm.name() + " is " + vm.state().name().toLowerCase(Locale.ROOT)
                            + "; turn it off before deleting it.");
                }
                JobView job = vms.delete(vm.id());
                yield "Deletion requested (job " + job.id() + ").";
            }
            case DELETE_SNAPSHOT -> {
                JobView job = snapshots.deleteSnapshot(finding.vmId(), finding.snapshotId(), false);
                yield "Snapshot deletion requested (job " + job.id() + ").";
            }
            case REASSIGN -> {
                if (r.owner() == null || r.owner().isBlank()) {
                    throw new InvalidInputException("owner", "Name the VM's new owner, a directory user.");
                }
                VmInventory.Entry vm = registered(finding);
                configuration.configure(vm.id(), vm.version(), new VmChange(null, null, r.owner().strip()));
                yield "Reassigned to " + r.owner().strip() + ".";
            }
            case IGNORE, REOPEN -> throw new IllegalStateException("handled before");
        };
    }

    private VmInventory.Entry registered(FindingView finding) {
        return inventory.find(finding.vmId()).orElseThrow(() -> new NotFoundException(finding.objectName()
                + " is no longer in the inventory."));
    }

    private FindingView ignoreOrReopen(FindingView finding, Resolution.Action action, String note) {
        String caller = CurrentCaller.get().user();
        boolean ownsLease = finding.kind() == FindingKind.LEASE_EXPIRED && caller.equalsIgnoreCase(String.valueOf(finding.owner()));
        if (!ownsLease) {
            policy.require(finding.kind().ignorePermission(), scopeOf(finding));
        }
        if (action == Resolution.Action.REOPEN && finding.state() != FindingState.IGNORED) {
            throw new ConflictException("Only an ignored finding can be re-opened.");
        }
        if (action == Resolution.Action.IGNORE && finding.state() == FindingState.IGNORED) {
            return finding;
        }
        String why = note == null || note.isBlank() ? null : note.strip();
        if (why != null && why.length() > 500) {
            throw new InvalidInputException("note", "A note has at most 500 characters.");
        }
        change(finding.id(), f -> {
            if (action == Resolution.Action.IGNORE) {
                f.ignore(caller, why == null ? "Ignored." : "Ignored: " + why, clock.instant());
            } else {
                f.reopen(clock.instant());
            }
        });
        String verb = action == Resolution.Action.IGNORE ? "Ignored" : "Re-opened";
        audit.record(new AuditEvent(caller, CurrentCaller.sourceAddress(), CurrentCaller.channel(),
                "sprawl." + action.code(), finding.kind().aboutHost() || finding.kind() == FindingKind.UNMANAGED ? "host" : "vm",
                String.valueOf(finding.kind().aboutHost() ? finding.hostId() : finding.vmId()), finding.objectName(),
                AuditEvent.Outcome.SUCCESS, verb + " the " + finding.kind().label().toLowerCase(Locale.ROOT) + " finding on "
                        + finding.objectName() + (why == null ? "." : ": " + why)));
        return findings.one(finding.id());
    }

    private FindingView close(UUID id, String how) {
        String caller = CurrentCaller.get().user();
        change(id, f -> f.resolve(caller, how, clock.instant()));
        return findings.one(id);
    }

    private void change(UUID id, java.util.function.Consumer<Finding> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                transactions.executeWithoutResult(status -> change.accept(repository.findById(id).orElseThrow()));
                return;
            } catch (org.springframework.orm.ObjectOptimisticLockingFailureException e) {
                if (attempt == 3) {
                    throw e; // a scan kept writing it: rare, and the next try will do
                }
            }
        }
    }

    static Scope scopeOf(FindingView finding) {
        return finding.kind().aboutHost() || finding.kind() == FindingKind.UNMANAGED ? Scope.host(finding.hostId())
                : Scope.vm(finding.vmId());
    }

    private static String choices(FindingKind kind) {
        List<String> codes = new ArrayList<>();
        kind.actions().forEach(a -> codes.add(a.code()));
        codes.add(Resolution.Action.IGNORE.code());
        return String.join(", ", codes);
    }
}
