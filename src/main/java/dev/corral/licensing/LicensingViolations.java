package dev.corral.licensing;

import dev.corral.access.AccessPolicy;
import dev.corral.access.CurrentCaller;
import dev.corral.access.Permission;
import dev.corral.access.audit.AuditEvent;
import dev.corral.hosts.HostRow;
import dev.corral.hosts.HostService;
import dev.corral.hosts.HostSummary;
import dev.corral.hosts.HostTree;
import dev.corral.vms.RunningGuests;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The history of operations that exceeded a host's licence. Each is recorded twice: in the audit
 * trail (tamper-evident, with everything else, for auditors) and here, by host, so that the
 * Licensing view and the host's page list them for whoever may see the host. A VM the viewer may
 * not see is not named.
 */
@Service
@Transactional(readOnly = true)
public class LicensingViolations {

    static final String UNSEEN_VM = "a VM you may not see";

    private final ViolationRepository violations;
    private final HostService hosts;
    private final HostTree tree;
    private final RunningGuests guests;
    private final AccessPolicy policy;
    private final LicensingAudit audit;
    private final Clock clock;

    LicensingViolations(ViolationRepository violations, HostService hosts, HostTree tree, RunningGuests guests,
            AccessPolicy policy, LicensingAudit audit, Clock clock) {
        this.violations = violations;
        this.hosts = hosts;
        this.tree = tree;
        this.guests = guests;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * One violation as the views and the API show it.
     *
     * @param vmId      null when the viewer may not see the VM
     * @param operation start, resume, restore or migrate
     * @param mode      the enforcement mode that applied: enforce (refused) or audit (allowed)
     */
    public record Entry(long id, Instant time, UUID hostId, String hostName, UUID vmId, String vmName, String edition,
            String operation, String mode, boolean refused, String principal, String details) {

        Entry unseenVm() {
            return new Entry(id, time, hostId, hostName, null, UNSEEN_VM, edition, operation, mode, refused, principal, details);
        }
    }

    /**
     * What happened, for {@link #record}.
     *
     * @param summary      for the history, shown to whoever sees the host: names no VM
     * @param auditDetails for the audit trail: the sentence the caller was given
     */
    record Occurrence(UUID hostId, String hostName, UUID vmId, String vmName, String edition, String operation,
            String auditAction, EnforcementMode mode, boolean refused, String summary, String auditDetails) {
    }

    /** Records the violation here and in the audit trail, apart from the caller's transaction so a refusal stays recorded. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(Occurrence o) {
        violations.save(new Violation(clock.instant(), o.hostId(), o.hostName(), o.vmId(), o.vmName(),
                o.edition(), o.operation(), o.mode(), o.refused(), CurrentCaller.get().user(), o.summary()));
        audit.record(o.auditAction(), "vm", o.vmId(), o.vmName(),
                o.refused() ? AuditEvent.Outcome.REFUSED : AuditEvent.Outcome.SUCCESS, o.auditDetails());
    }

    /** The violations on the hosts the caller may see, newest first; one host's only when {@code hostId} is given. */
    public Page<Entry> page(UUID hostId, int page, int size) {
        Set<UUID> visible = hosts.visibleHosts().stream().map(HostRow::id).collect(Collectors.toSet());
        if (hostId != null) {
            visible = visible.contains(hostId) ? Set.of(hostId) : Set.of();
        }
        Pageable request = PageRequest.of(Math.max(0, page), Math.clamp(size, 1, 500),
                Sort.by(Sort.Direction.DESC, "occurredAt", "id"));
        if (visible.isEmpty()) {
            return Page.empty(request);
        }
        Page<Entry> found = violations.findByHostIdIn(visible, request).map(Violation::entry);
        return found.map(named(found.getContent()));
    }

    /** The newest violations on one host the caller may see. */
    public List<Entry> recentOn(UUID hostId, int count) {
        return page(hostId, 0, count).getContent();
    }

    /** Keeps the names of the VMs the caller may see, and hides the others'. */
    private Function<Entry, Entry> named(List<Entry> entries) {
        Sight sight = new Sight(policy.visibility(Permission.INVENTORY_VIEW));
        Map<UUID, RunningGuests.Guest> registered = guests.registered(entries.stream().map(Entry::vmId)
                .filter(Objects::nonNull).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(RunningGuests.Guest::id, Function.identity()));
        Map<UUID, HostSummary> byId = tree.hosts().stream().collect(Collectors.toMap(HostSummary::id, Function.identity()));
        return entry -> {
            if (entry.vmId() == null) {
                return entry;
            }
            RunningGuests.Guest guest = registered.get(entry.vmId());
            // A VM no longer registered is judged by the host it was on, without an owner.
            HostSummary host = byId.get(guest == null ? entry.hostId() : guest.hostId());
            return sight.vm(entry.vmId(), host, guest == null ? null : guest.owner()) ? entry : entry.unseenVm();
        };
    }
}
