package dev.corral.sprawl;

import dev.corral.access.AccessPolicy.Visibility;
import dev.corral.hosts.HostSummary;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.data.jpa.domain.Specification;

/**
 * The findings query, in the database: findings about objects the caller may see (the same rules as
 * the VM list: grants on host groups and hosts, grants on single VMs, self-service grants for the VMs
 * one owns, No Access winning), narrowed by the filter.
 */
final class FindingQueries {

    private FindingQueries() {
    }

    /** @param filterGroups the filter's host group with every group below it */
    static Specification<Finding> of(Visibility visibility, List<HostSummary> hosts, FindingFilter filter,
            Set<UUID> filterGroups) {
        return (root, query, cb) -> {
            List<Predicate> all = new ArrayList<>();
            all.add(visible(root, cb, visibility, hosts));
            narrow(root, cb, filter, hosts, filterGroups, all);
            return cb.and(all.toArray(Predicate[]::new));
        };
    }

    static Predicate visible(Root<Finding> finding, CriteriaBuilder cb, Visibility v, List<HostSummary> hosts) {
        return v.predicate(cb, finding.get("vmId"), finding.get("hostId"), finding.get("owner"), hostGroupOf(hosts));
    }

    private static java.util.Map<UUID, UUID> hostGroupOf(List<HostSummary> hosts) {
        java.util.Map<UUID, UUID> groups = new java.util.HashMap<>();
        hosts.forEach(h -> groups.put(h.id(), h.hostGroupId()));
        return groups;
    }

    private static void narrow(Root<Finding> finding, CriteriaBuilder cb, FindingFilter filter, List<HostSummary> hosts,
            Set<UUID> filterGroups, List<Predicate> all) {
        if (filter.kind() != null) {
            all.add(cb.equal(finding.get("kind"), filter.kind()));
        }
        if (filter.state() != null) {
            all.add(cb.equal(finding.get("state"), filter.state()));
        }
        if (filter.hostId() != null) {
            all.add(cb.equal(finding.get("hostId"), filter.hostId()));
        }
        if (filter.vmId() != null) {
            all.add(cb.equal(finding.get("vmId"), filter.vmId()));
        }
        if (filter.hostGroupId() != null) {
            Set<UUID> inGroup = hostsUnder(hosts, filterGroups, Set.of());
            all.add(inGroup.isEmpty() ? cb.disjunction() : finding.get("hostId").in(inGroup));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            String needle = filter.text().strip().toLowerCase(Locale.ROOT);
            String like = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            List<Predicate> matches = new ArrayList<>();
            matches.add(cb.like(cb.lower(finding.get("objectName")), like, '\\'));
            matches.add(cb.like(cb.lower(finding.get("owner")), like, '\\'));
            Set<UUID> namedHosts = hosts.stream().filter(h -> h.name().toLowerCase(Locale.ROOT).contains(needle))
                    .map(HostSummary::id).collect(Collectors.toSet());
            if (!namedHosts.isEmpty()) {
                matches.add(finding.get("hostId").in(namedHosts));
            }
            all.add(cb.or(matches.toArray(Predicate[]::new)));
        }
    }

    /** Hosts in any of the groups (the groups already include their descendants), plus the hosts named. */
    static Set<UUID> hostsUnder(List<HostSummary> hosts, Set<UUID> groups, Set<UUID> named) {
        Set<UUID> found = hosts.stream().filter(h -> groups.contains(h.hostGroupId())).map(HostSummary::id)
                .collect(Collectors.toSet());
        found.addAll(named);
        return found;
    }
}
