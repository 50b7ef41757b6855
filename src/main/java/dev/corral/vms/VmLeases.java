package dev.corral.vms;

import dev.corral.access.AccessPolicy;
import dev.corral.access.CurrentCaller;
import dev.corral.access.Permission;
import dev.corral.access.Scope;
import dev.corral.access.audit.AuditEvent;
import dev.corral.access.audit.AuditTrail;
import dev.corral.base.InvalidInputException;
import dev.corral.base.RuleViolationException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Renewing a VM's lease: its owner, or whoever holds vm.ownership on it, moves the end date on,
 * within the longest lease the VM's host group allows. Every renewal and every refusal is audited.
 */
@Service
public class VmLeases {

    private final VmLookup lookup;
    private final VmRepository vms;
    private final AccessPolicy policy;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final ObjectProvider<LeasePolicy> limits;
    private final Clock clock;

    VmLeases(VmLookup lookup, VmRepository vms, AccessPolicy policy, AuditTrail audit, TransactionTemplate transactions,
            ObjectProvider<LeasePolicy> limits, Clock clock) {
        this.lookup = lookup;
        this.vms = vms;
        this.policy = policy;
        this.audit = audit;
        this.transactions = transactions;
        this.limits = limits;
        this.clock = clock;
    }

    /** Whether the caller may renew this VM's lease (its owner, or vm.ownership on it), for the forms. */
    public boolean mayRenew(UUID vmId) {
        Vm vm = lookup.visible(vmId);
        return CurrentCaller.get().user().equalsIgnoreCase(String.valueOf(vm.owner()))
                || policy.allows(Permission.VM_OWNERSHIP, Scope.vm(vmId));
    }

    /** How many days before a lease ends its owner is told, for the VM's page. */
    public int noticeDays() {
        LeasePolicy policy = limits.getIfAvailable();
        return policy == null ? 7 : policy.noticeDays();
    }

    /** The last day a lease renewed today on this VM may end, for the forms. */
    public LocalDate latestEnd(UUID vmId) {
        Vm vm = lookup.visible(vmId);
        LocalDate today = LocalDate.now(clock);
        return limit(vm.hostId()).map(l -> today.plusDays(l.maxDays())).orElse(today.plusYears(10));
    }

    /**
     * Gives the VM's lease a new end (and, if given, a new action); answers with the lease as it is
     * now. Refused (and audited) for someone who neither owns the VM nor holds vm.ownership on it,
     * and beyond the longest lease of its host group.
     */
    public VmLease renew(UUID vmId, LocalDate expires, VmLease.Action action) {
        Vm vm = lookup.visible(vmId);
        String caller = CurrentCaller.get().user();
        if (!caller.equalsIgnoreCase(String.valueOf(vm.owner()))) {
            policy.require(Permission.VM_OWNERSHIP, Scope.vm(vmId));
        }
        LocalDate today = LocalDate.now(clock);
        if (expires == null) {
            throw new InvalidInputException("expires", "Give the day the lease ends.");
        }
        if (!expires.isAfter(today)) {
            throw new InvalidInputException("expires", "A lease ends after today (" + today + ").");
        }
        Optional<LeasePolicy.Limit> limit = limit(vm.hostId());
        LocalDate latest = limit.map(l -> today.plusDays(l.maxDays())).orElse(today.plusYears(10));
        if (expires.isAfter(latest)) {
            String why = limit.map(l -> "Leases on " + l.where() + " end at most " + l.maxDays() + " days ahead, by "
                    + latest + ".").orElse("A lease ends within ten years; for a VM meant to stay, give no lease.");
            audit(vm, AuditEvent.Outcome.REFUSED, "Asked for a lease until " + expires + ". " + why);
            throw new RuleViolationException(why);
        }
        VmLease.Action then = action != null ? action : vm.lease() != null ? vm.lease().action() : VmLease.Action.NOTIFY;
        VmLease renewed = new VmLease(expires, then);
        transactions.executeWithoutResult(status -> vms.findById(vmId).orElseThrow(
                () -> new VmNotFoundException("There is no VM " + vmId + ".")).lease(renewed));
        audit(vm, AuditEvent.Outcome.SUCCESS, "The lease of " + vm.name() + " now ends " + expires + "; then: "
                + then.label().toLowerCase(java.util.Locale.ROOT) + ".");
        return renewed;
    }

    private Optional<LeasePolicy.Limit> limit(UUID hostId) {
        LeasePolicy available = limits.getIfAvailable();
        return available == null ? Optional.empty() : available.on(hostId);
    }

    private void audit(Vm vm, AuditEvent.Outcome outcome, String details) {
        audit.record(new AuditEvent(CurrentCaller.get().user(), CurrentCaller.sourceAddress(), CurrentCaller.channel(),
                "vm.lease.renew", "vm", vm.id().toString(), vm.name(), outcome, details));
    }
}
