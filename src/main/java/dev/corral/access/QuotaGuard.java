package dev.corral.access;

import dev.corral.base.RuleViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Self-service quotas: where a caller may create VMs only through a role for owned VMs, what
 * they own already plus what they ask for must fit the quota of that assignment.
 */
@Service
public class QuotaGuard {

    private final AccessPolicyService policy;
    private final ScopeHierarchy hierarchy;
    private final QuotaUsage usage;

    private final dev.corral.access.audit.AuditTrail audit;

    private final QuotaHolds holds;
    private final dev.corral.cluster.ClusterLocks locks;

    QuotaGuard(AccessPolicyService policy, ScopeHierarchy hierarchy, QuotaUsage usage, dev.corral.access.audit.AuditTrail audit,
            QuotaHolds holds, dev.corral.cluster.ClusterLocks locks) {
        this.audit = audit;
        this.holds = holds;
        this.locks = locks;
        this.policy = policy;
        this.hierarchy = hierarchy;
        this.usage = usage;
    }

    /** The quota that limits the caller's VM creation at this target, if any (administrators have none). */
    public Optional<Quota> quotaAt(Scope target) {
        Caller caller = CurrentCaller.get();
        List<Scope> lineage = hierarchy.lineage(target);
        List<Grant> creating = policy.grantsOf(caller).stream()
                .filter(g -> lineage.contains(g.scope()) && g.role().permissions().contains(Permission.VM_CREATE)
                        && !g.role().deniesAll())
                .toList();
        if (creating.isEmpty() || creating.stream().anyMatch(g -> !g.role().ownedVmsOnly() || g.quota().isUnlimited())) {
            return Optional.empty();
        }
        return Optional.of(QuotaMath.mostGenerous(creating.stream().map(Grant::quota).toList()));
    }

    /** What the caller's VMs take now, including VMs being created (on any node). */
    public QuotaUsage.Usage used() {
        String owner = CurrentCaller.get().user();
        return usage.usageOf(owner).plus(holds.heldFor(owner.toLowerCase(java.util.Locale.ROOT)));
    }

    /**
     * Checks the request against the quota and holds its room until the returned handle is run
     * (when the new VM is registered or resized, or that failed), so parallel requests cannot
     * together pass the quota. Decided one at a time per owner across every node (a lock in the
     * database), the room held in the database.
     */
    public Runnable reserveRoomFor(String action, Scope target, QuotaUsage.Usage request) {
        Optional<Quota> quota = quotaAt(target);
        if (quota.isEmpty()) {
            return () -> { };
        }
        String owner = CurrentCaller.get().user().toLowerCase(java.util.Locale.ROOT);
        UUID[] held = new UUID[1];
        List<String> over = locks.inLock("quota/" + owner, () -> {
            List<String> exceeded = QuotaMath.exceeded(quota.get(), used(), request);
            if (exceeded.isEmpty()) {
                held[0] = holds.hold(owner, request);
            }
            return exceeded;
        });
        if (!over.isEmpty()) {
            refuse(action, target, over);
        }
        return () -> holds.free(held[0]);
    }

    /** For the create form, before the user commits: the quota at the target and what is used of it. */
    public Optional<String> describeRoom(Scope target) {
        return quotaAt(target).map(quota -> {
            QuotaUsage.Usage used = used();
            return "Your quota: " + limit(quota.vms(), used.vms(), " VMs") + " · " + limit(quota.vcpus(), used.vcpus(), " vCPUs")
                    + " · " + limit(quota.memoryMiB(), used.memoryMiB(), " MiB memory") + " · "
                    + limit(quota.storageGiB(), used.storageGiB(), " GiB disk") + ".";
        });
    }

    private static String limit(Number limit, long used, String unit) {
        return used + (limit == null ? "" : " of " + limit) + unit + (limit == null ? " (no limit)" : "") + " in use";
    }

    private void refuse(String action, Scope target, List<String> over) {
        Caller caller = CurrentCaller.get();
        audit.record(new dev.corral.access.audit.AuditEvent(caller.user(), CurrentCaller.sourceAddress(),
                CurrentCaller.channel(), action, target.kind().name().toLowerCase(), String.valueOf(target.id()),
                hierarchy.describe(target).orElse(null), dev.corral.access.audit.AuditEvent.Outcome.REFUSED,
                "Over quota: " + String.join("; ", over) + "."));
        throw new RuleViolationException("This exceeds your quota on " + hierarchy.describe(target).orElse("this scope")
                + ": " + String.join("; ", over) + ".");
    }

    /** Quota arithmetic, kept pure for the unit tests. */
    static final class QuotaMath {
        private QuotaMath() {
        }

        static Quota mostGenerous(List<Quota> quotas) {
            Quota best = quotas.getFirst();
            for (Quota q : quotas) {
                best = new Quota(max(best.vms(), q.vms()), max(best.vcpus(), q.vcpus()),
                        max(best.memoryMiB(), q.memoryMiB()), max(best.storageGiB(), q.storageGiB()));
            }
            return best;
        }

        static List<String> exceeded(Quota quota, QuotaUsage.Usage used, QuotaUsage.Usage request) {
            QuotaUsage.Usage after = used.plus(request);
            List<String> over = new ArrayList<>();
            check(over, "VMs", quota.vms(), used.vms(), after.vms(), "");
            check(over, "virtual processors", quota.vcpus(), used.vcpus(), after.vcpus(), "");
            check(over, "memory", quota.memoryMiB(), used.memoryMiB(), after.memoryMiB(), " MiB");
            check(over, "storage", quota.storageGiB(), used.storageGiB(), after.storageGiB(), " GiB");
            return over;
        }

        /** Only what is asked for is refused: a limit passed already (say, by an administrator's change) refuses nothing else. */
        private static void check(List<String> over, String what, Number limit, long used, long after, String unit) {
            if (limit != null && after > limit.longValue() && after > used) {
                over.add(what + ": " + limit + unit + " allowed, " + used + unit + " in use, " + (after - used) + unit + " asked");
            }
        }

        private static <T extends Comparable<T>> T max(T a, T b) {
            return a == null || b == null ? null : (a.compareTo(b) >= 0 ? a : b);
        }
    }
}
