package dev.corral.sprawl;

import dev.corral.access.Channel;
import dev.corral.access.audit.AuditEvent;
import dev.corral.access.audit.AuditTrail;
import dev.corral.engine.VmState;
import dev.corral.jobs.JobConflictException;
import dev.corral.jobs.JobView;
import dev.corral.vms.VmAction;
import dev.corral.vms.VmInventory;
import dev.corral.vms.VmLease;
import dev.corral.vms.VmService;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Takes the action a VM's lease names once the lease has ended, as Corral itself, once per expiry:
 * notify (the owner is told in the console), shut down (a paused VM, whose guest cannot shut down,
 * has its state saved instead) or save the state. A VM already off or saved is left as it is; one
 * whose state is unknown or changing, or that is busy with another job, is tried again at the next
 * scan. Every action is audited as "corral (lease expired)".
 */
@Component
class LeaseExpiry {

    static final String ACTOR = "corral (lease expired)";
    private static final Logger log = LoggerFactory.getLogger(LeaseExpiry.class);

    private final VmInventory inventory;
    private final VmService vms;
    private final FindingStore store;
    private final AuditTrail audit;

    LeaseExpiry(VmInventory inventory, VmService vms, FindingStore store, AuditTrail audit) {
        this.inventory = inventory;
        this.vms = vms;
        this.store = store;
        this.audit = audit;
    }

    /** Acts on each expired lease not acted on yet; answers how many jobs it started. */
    int act(List<FindingStore.PendingLease> pending, Instant now) {
        int jobs = 0;
        for (FindingStore.PendingLease lease : pending) {
            try {
                jobs += actOn(lease, now) ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("The expired lease of VM {} could not be acted on: {}", lease.vmId(), e.toString());
            }
        }
        return jobs;
    }

    private boolean actOn(FindingStore.PendingLease pending, Instant now) {
        Optional<VmInventory.Entry> found = inventory.find(pending.vmId());
        if (found.isEmpty() || found.get().lease() == null) {
            return false;
        }
        VmInventory.Entry vm = found.get();
        VmLease lease = vm.lease();
        String ended = "The lease ended on " + lease.expires() + "; ";
        Optional<VmAction> action = actionFor(lease.action(), vm.state());
        if (lease.action() == VmLease.Action.NOTIFY) {
            done(pending, vm, now, ended + "Corral told the owner" + (vm.owner() == null ? "" : " (" + vm.owner() + ")")
                    + " in the console and left the VM as it is.");
            return false;
        }
        if (action.isEmpty()) {
            if (vm.state() == VmState.OFF || vm.state() == VmState.SAVED) {
                done(pending, vm, now, ended + "the VM was " + vm.state().name().toLowerCase(Locale.ROOT)
                        + " already, so Corral left it as it is.");
            }
            return false; // unknown or changing: the next scan tries again
        }
        JobView job;
        try {
            job = vms.actAsCorral(vm.id(), action.get(), ACTOR);
        } catch (JobConflictException busy) {
            return false; // busy with another job: the next scan tries again
        }
        done(pending, vm, now, ended + "Corral asked to " + action.get().label().toLowerCase(Locale.ROOT)
                + " the VM (job " + job.id() + ").");
        return true;
    }

    static Optional<VmAction> actionFor(VmLease.Action action, VmState state) {
        return switch (action) {
            case NOTIFY -> Optional.empty();
            case SHUT_DOWN -> state == VmState.RUNNING ? Optional.of(VmAction.SHUTDOWN)
                    : state == VmState.PAUSED ? Optional.of(VmAction.SAVE) : Optional.empty();
            case SAVE -> state == VmState.RUNNING || state == VmState.PAUSED ? Optional.of(VmAction.SAVE) : Optional.empty();
        };
    }

    private void done(FindingStore.PendingLease pending, VmInventory.Entry vm, Instant now, String what) {
        store.leaseActionTaken(pending.findingId(), now, what);
        audit.record(new AuditEvent(ACTOR, null, Channel.SYSTEM, "vm.lease.expired", "vm", vm.id().toString(), vm.name(),
                AuditEvent.Outcome.SUCCESS, what));
    }
}
