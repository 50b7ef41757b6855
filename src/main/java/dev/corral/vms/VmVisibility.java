package dev.corral.vms;

import dev.corral.access.AccessPolicy.Visibility;
import dev.corral.hosts.HostSummary;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.data.jpa.domain.Specification;

/** The VM query, in the database: what the caller may see, narrowed by the filter. */
final class VmVisibility {

    private VmVisibility() {
    }

    /** @param filterGroups the filter's host group with every group below it */
    static Specification<Vm> of(Visibility visibility, List<HostSummary> hosts, VmFilter filter, Set<UUID> filterGroups) {
        return (root, query, cb) -> {
            List<Predicate> all = new ArrayList<>();
            all.add(visible(root, cb, visibility, hosts));
            narrow(root, query, cb, filter, hosts, filterGroups, all);
            return cb.and(all.toArray(Predicate[]::new));
        };
    }

    private static Predicate visible(Root<Vm> vm, CriteriaBuilder cb, Visibility v, List<HostSummary> hosts) {
        return v.predicate(cb, vm.get("id"), vm.get("hostId"), vm.get("owner"), hostGroupOf(hosts));
    }

    private static java.util.Map<UUID, UUID> hostGroupOf(List<HostSummary> hosts) {
        java.util.Map<UUID, UUID> groups = new java.util.HashMap<>();
        hosts.forEach(h -> groups.put(h.id(), h.hostGroupId()));
        return groups;
    }

    private static void narrow(Root<Vm> vm, jakarta.persistence.criteria.CriteriaQuery<?> query, CriteriaBuilder cb,
            VmFilter filter, List<HostSummary> hosts, Set<UUID> filterGroups, List<Predicate> all) {
        if (filter.text() != null && !filter.text().isBlank()) {
            String like = "%" + filter.text().strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%";
            all.add(cb.like(cb.lower(vm.get("name")), like, '\\'));
        }
        if (filter.hostId() != null) {
            all.add(cb.equal(vm.get("hostId"), filter.hostId()));
        }
        if (filter.hostGroupId() != null) {
            Set<UUID> inGroup = hostsUnder(hosts, filterGroups, Set.of());
            all.add(inGroup.isEmpty() ? cb.disjunction() : vm.get("hostId").in(inGroup));
        }
        if (filter.owner() != null && !filter.owner().isBlank()) {
            all.add(cb.equal(cb.lower(vm.get("owner")), filter.owner().strip().toLowerCase(Locale.ROOT)));
        }
        if (filter.state() != null) {
            Subquery<UUID> inState = query.subquery(UUID.class);
            Root<VmRuntime> runtime = inState.from(VmRuntime.class);
            inState.select(runtime.get("vmId")).where(cb.equal(runtime.get("state"), filter.state()));
            all.add(vm.get("id").in(inState));
        }
        if (filter.guestFamily() != null) {
            all.add(cb.equal(vm.get("guestFamily"), filter.guestFamily().name()));
        }
        if (filter.tag() != null && !filter.tag().isBlank()) {
            String tag = filter.tag().strip();
            int eq = tag.indexOf('=');
            // A subquery rather than a join: one row per VM, so paging and counts stay right.
            Subquery<UUID> tagged = query.subquery(UUID.class);
            Root<Vm> other = tagged.from(Vm.class);
            jakarta.persistence.criteria.MapJoin<Vm, String, String> tags = other.joinMap("tags");
            List<Predicate> match = new ArrayList<>();
            match.add(cb.equal(cb.lower(tags.key()), (eq < 0 ? tag : tag.substring(0, eq)).strip().toLowerCase(Locale.ROOT)));
            if (eq >= 0) {
                match.add(cb.equal(cb.lower(tags.value()), tag.substring(eq + 1).strip().toLowerCase(Locale.ROOT)));
            }
            tagged.select(other.get("id")).where(match.toArray(Predicate[]::new));
            all.add(vm.get("id").in(tagged));
        }
    }

    /** Hosts in any of the groups (the groups already include their descendants), plus the hosts named. */
    private static Set<UUID> hostsUnder(List<HostSummary> hosts, Set<UUID> groups, Set<UUID> named) {
        Set<UUID> found = hosts.stream().filter(h -> groups.contains(h.hostGroupId())).map(HostSummary::id)
                .collect(Collectors.toSet());
        found.addAll(named);
        return found;
    }
}
