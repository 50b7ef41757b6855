package dev.corral.hosts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the host-group tree: where a host or group sits, what lies below a group. The tree is
 * small (hundreds of groups at most) next to the VMs, so it is read whole.
 */
@Service
@Transactional(readOnly = true)
public class HostTree {

    private final HostGroupRepository groups;
    private final HostRepository hosts;

    HostTree(HostGroupRepository groups, HostRepository hosts) {
        this.groups = groups;
        this.hosts = hosts;
    }

    /** The group and its ancestors, nearest first. */
    public List<UUID> groupChain(UUID groupId) {
        Map<UUID, HostGroup> all = byId();
        List<UUID> chain = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (HostGroup g = all.get(groupId); g != null && seen.add(g.id()); g = all.get(g.parentId())) {
            chain.add(g.id());
        }
        return chain;
    }

    /** The group and every group below it. */
    public Set<UUID> groupAndDescendants(UUID groupId) {
        List<HostGroup> all = groups.findAll();
        Set<UUID> found = new HashSet<>(Set.of(groupId));
        boolean grew;
        do {
            grew = false;
            for (HostGroup g : all) {
                if (g.parentId() != null && found.contains(g.parentId()) && found.add(g.id())) {
                    grew = true;
                }
            }
        } while (grew);
        return found;
    }

    public Optional<HostSummary> host(UUID hostId) {
        return hosts.findById(hostId).map(Host::summary);
    }

    /** Whether the host is in maintenance mode: it receives no new or migrated VMs. */
    public boolean inMaintenance(UUID hostId) {
        return hosts.findById(hostId).map(Host::inMaintenance).orElse(false);
    }

    /** The hosts in maintenance mode. */
    public Set<UUID> hostsInMaintenance() {
        return hosts.findByMaintenanceTrue().stream().map(Host::id).collect(Collectors.toSet());
    }

    public Optional<HostSummary> hostByName(String name) {
        return hosts.findByNameIgnoreCase(name).map(Host::summary);
    }

    public List<HostSummary> hosts() {
        return hosts.findAll().stream().map(Host::summary).sorted(Comparator.comparing(HostSummary::name)).toList();
    }

    /** Every group with its path, sorted by path. */
    public List<HostGroupSummary> groups() {
        Map<UUID, HostGroup> all = byId();
        return all.values().stream().map(g -> new HostGroupSummary(g.id(), g.name(), g.parentId(), path(g, all)))
                .sorted(Comparator.comparing(HostGroupSummary::path, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    public Optional<HostGroupSummary> group(UUID id) {
        return groups().stream().filter(g -> g.id().equals(id)).findFirst();
    }

    private static String path(HostGroup group, Map<UUID, HostGroup> all) {
        List<String> names = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (HostGroup g = group; g != null && seen.add(g.id()); g = all.get(g.parentId())) {
            names.addFirst(g.name());
        }
        return String.join(" / ", names);
    }

    private Map<UUID, HostGroup> byId() {
        return groups.findAll().stream().collect(Collectors.toMap(HostGroup::id, Function.identity()));
    }
}
