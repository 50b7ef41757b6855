package dev.corral.sprawl;

import dev.corral.access.AccessPolicy;
import dev.corral.access.CurrentCaller;
import dev.corral.access.NotPermittedException;
import dev.corral.access.Permission;
import dev.corral.access.Scope;
import dev.corral.access.audit.AuditEvent;
import dev.corral.access.audit.AuditTrail;
import dev.corral.base.Csv;
import dev.corral.base.NotFoundException;
import dev.corral.hosts.HostGroupSummary;
import dev.corral.hosts.HostSummary;
import dev.corral.hosts.HostTree;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sprawl findings the caller may see: listed, filtered and sorted in the database, counted by
 * kind and host group, exported as CSV; and the scan, run on demand by those who manage owners and
 * leases (vm.ownership somewhere).
 */
@Service
public class SprawlFindings {

    private final FindingRepository findings;
    private final EntityManager entities;
    private final HostTree tree;
    private final AccessPolicy policy;
    private final SprawlScan scan;
    private final AuditTrail audit;

    SprawlFindings(FindingRepository findings, EntityManager entities, HostTree tree, AccessPolicy policy, SprawlScan scan,
            AuditTrail audit) {
        this.findings = findings;
        this.entities = entities;
        this.tree = tree;
        this.policy = policy;
        this.scan = scan;
        this.audit = audit;
    }

    /** Counts of open findings by kind, and by kind and host group, with the ignored ones. */
    public record Summary(Map<FindingKind, Long> open, List<GroupCount> byHostGroup, long ignored) {

        public long openTotal() {
            return open.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Open findings of one kind in one host group. */
    public record GroupCount(FindingKind kind, UUID hostGroupId, String hostGroup, long count) {
    }

    @Transactional(readOnly = true)
    public Page<FindingView> list(FindingFilter filter, Pageable page) {
        Context context = context();
        Page<Finding> found = findings.findAll(query(filter, context), page.getSort().isSorted() ? page
                : org.springframework.data.domain.PageRequest.of(page.getPageNumber(), page.getPageSize(),
                        Sort.by(Sort.Order.desc("since"), Sort.Order.asc("id"))));
        return found.map(context::view);
    }

    @Transactional(readOnly = true)
    public long count(FindingFilter filter) {
        return findings.count(query(filter, context()));
    }

    /** One finding the caller may see; one they may not see is as unknown as one that does not exist. */
    @Transactional(readOnly = true)
    public FindingView one(UUID id) {
        Context context = context();
        return visible(id, context).map(context::view)
                .orElseThrow(() -> new NotFoundException("There is no finding " + id + "."));
    }

    Optional<Finding> visible(UUID id, Context context) {
        Specification<Finding> byId = (root, q, cb) -> cb.equal(root.get("id"), id);
        return findings.findOne(byId.and(query(new FindingFilter(null, null, null, null, null, null), context)));
    }

    @Transactional(readOnly = true)
    public Summary summary() {
        Context context = context();
        CriteriaBuilder cb = entities.getCriteriaBuilder();
        CriteriaQuery<Object[]> q = cb.createQuery(Object[].class);
        Root<Finding> f = q.from(Finding.class);
        q.multiselect(f.get("kind"), f.get("hostId"), f.get("state"), cb.count(f))
                .where(FindingQueries.visible(f, cb, context.visibility(), context.hosts()),
                        cb.notEqual(f.get("state"), FindingState.RESOLVED))
                .groupBy(f.get("kind"), f.get("hostId"), f.get("state"));
        Map<FindingKind, Long> open = new EnumMap<>(FindingKind.class);
        Map<String, GroupCount> groups = new TreeMap<>();
        long ignored = 0;
        for (Object[] row : entities.createQuery(q).getResultList()) {
            FindingKind kind = (FindingKind) row[0];
            long count = ((Number) row[3]).longValue();
            if (row[2] == FindingState.IGNORED) {
                ignored += count;
                continue;
            }
            open.merge(kind, count, Long::sum);
            HostGroupSummary group = context.groupOf((UUID) row[1]);
            String path = group == null ? "(no host group)" : group.path();
            groups.merge(kind.ordinal() + "|" + path, new GroupCount(kind, group == null ? null : group.id(), path, count),
                    (a, b) -> new GroupCount(a.kind(), a.hostGroupId(), a.hostGroup(), a.count() + b.count()));
        }
        return new Summary(open, new ArrayList<>(groups.values()), ignored);
    }

    /** The findings the filter selects, as CSV (formula cells neutralised), newest first. */
    @Transactional(readOnly = true)
    public String csv(FindingFilter filter) {
        AccessPolicy.Visibility reports = policy.requireSomewhere(Permission.REPORTS_VIEW, "sprawl.export");
        Context context = context();
        StringBuilder csv = new StringBuilder(Csv.row(List.of("kind", "state", "object", "host", "host group", "owner",
                "since", "first seen", "last seen", "details", "closed by", "resolution", "id")));
        findings.findAll(query(filter, context), Sort.by(Sort.Order.asc("kind"), Sort.Order.desc("since"))).stream()
                .filter(f -> reported(reports, f, context))
                .map(context::view)
                .forEach(f -> csv.append(Csv.row(List.of(f.kind().code(), f.state().name().toLowerCase(java.util.Locale.ROOT),
                        f.objectName(), text(f.hostName()), text(f.hostGroup()), text(f.owner()), f.since(), f.firstSeen(),
                        f.lastSeen(), f.details(), text(f.closedBy()), text(f.resolution()), f.id()))));
        return csv.toString();
    }

    /** Whether the caller holds reports.view where the finding is: at its VM, or at its host when it has no VM. */
    private static boolean reported(AccessPolicy.Visibility reports, Finding finding, Context context) {
        HostSummary host = finding.hostId() == null ? null : context.hostsById().get(finding.hostId());
        UUID groupId = host == null ? null : host.hostGroupId();
        return finding.vmId() != null ? reports.vm(finding.vmId(), finding.hostId(), groupId, finding.owner())
                : finding.hostId() != null && reports.host(finding.hostId(), groupId);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /** Whether the caller may run a scan (vm.ownership somewhere), for the view. */
    public boolean mayScan() {
        AccessPolicy.Visibility v = policy.visibility(Permission.VM_OWNERSHIP);
        return !v.nowhere();
    }

    /** Runs the scan now and answers what it did (the hosts that did not answer limited to those the caller sees). */
    public ScanReport scan() {
        String caller = CurrentCaller.get().user();
        if (!mayScan()) {
            String why = caller + " may not run the sprawl scan: it needs vm.ownership somewhere, and no role of "
                    + caller + " includes it.";
            audit.record(new AuditEvent(caller, CurrentCaller.sourceAddress(), CurrentCaller.channel(), "sprawl.scan", null,
                    null, null, AuditEvent.Outcome.REFUSED, why));
            throw new NotPermittedException(Permission.VM_OWNERSHIP, Scope.GLOBAL, why);
        }
        ScanReport report = scan.run();
        audit.record(new AuditEvent(caller, CurrentCaller.sourceAddress(), CurrentCaller.channel(), "sprawl.scan", null,
                null, null, AuditEvent.Outcome.SUCCESS, "Scanned " + report.hosts() + " hosts and " + report.vms()
                        + " VMs: " + report.opened() + " findings opened, " + report.resolved() + " resolved, "
                        + report.leaseActions() + " lease actions."));
        return visibleReport(report);
    }

    /** The last scan this node ran, if any. */
    public Optional<ScanReport> lastScan() {
        return scan.last().map(this::visibleReport);
    }

    private ScanReport visibleReport(ScanReport report) {
        return report.visibleTo(hostId -> policy.allows(Permission.INVENTORY_VIEW, Scope.host(hostId)));
    }

    private Specification<Finding> query(FindingFilter filter, Context context) {
        FindingFilter narrowed = filter == null ? FindingFilter.OPEN : filter;
        Set<UUID> groups = narrowed.hostGroupId() == null ? Set.of() : tree.groupAndDescendants(narrowed.hostGroupId());
        return FindingQueries.of(context.visibility(), context.hosts(), narrowed, groups);
    }

    Context context() {
        List<HostSummary> hosts = tree.hosts();
        Map<UUID, HostGroupSummary> groups = tree.groups().stream()
                .collect(Collectors.toMap(HostGroupSummary::id, Function.identity()));
        return new Context(policy.visibility(Permission.INVENTORY_VIEW), hosts,
                hosts.stream().collect(Collectors.toMap(HostSummary::id, Function.identity())), groups);
    }

    /** What one request needs to filter and name findings: the caller's visibility and the tree. */
    record Context(AccessPolicy.Visibility visibility, List<HostSummary> hosts, Map<UUID, HostSummary> hostsById,
            Map<UUID, HostGroupSummary> groups) {

        HostGroupSummary groupOf(UUID hostId) {
            HostSummary host = hostId == null ? null : hostsById.get(hostId);
            return host == null ? null : groups.get(host.hostGroupId());
        }

        FindingView view(Finding finding) {
            HostSummary host = finding.hostId() == null ? null : hostsById.get(finding.hostId());
            HostGroupSummary group = groupOf(finding.hostId());
            return finding.view(host == null ? null : host.name(), group == null ? null : group.path());
        }
    }
}
