package dev.corral.sprawl;

import dev.corral.hosts.HostGroupSummary;
import dev.corral.hosts.HostTree;
import dev.corral.vms.LeasePolicy;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The longest lease per host group, from {@code corral.sprawl.max-lease-days-by-host-group} (keyed by
 * the group's path, "HQ" or "HQ / Rack 3"): a VM's host group's own, else its nearest ancestor's,
 * else {@code corral.sprawl.max-lease-days}; and {@code corral.sprawl.lease-notice-days}.
 */
@Component
class LeasePolicys implements LeasePolicy {

    private final HostTree tree;
    private final SprawlProperties properties;
    private final Map<String, Integer> byPath;

    LeasePolicys(HostTree tree, SprawlProperties properties) {
        this.tree = tree;
        this.properties = properties;
        this.byPath = properties.maxLeaseDaysByHostGroup().entrySet().stream()
                .collect(Collectors.toMap(e -> key(e.getKey()), Map.Entry::getValue, (a, b) -> a));
    }

    @Override
    public Optional<Limit> on(UUID hostId) {
        return tree.host(hostId).map(host -> forGroup(host.hostGroupId()));
    }

    @Override
    public int noticeDays() {
        return properties.leaseNoticeDays();
    }

    Limit forGroup(UUID groupId) {
        Map<UUID, HostGroupSummary> groups = tree.groups().stream()
                .collect(Collectors.toMap(HostGroupSummary::id, g -> g));
        List<UUID> chain = tree.groupChain(groupId);
        for (UUID id : chain) {
            HostGroupSummary group = groups.get(id);
            Integer days = group == null ? null : byPath.get(key(group.path()));
            if (days != null && days > 0) {
                return new Limit(days, "host group " + group.path());
            }
        }
        HostGroupSummary own = groups.get(groupId);
        return new Limit(properties.maxLeaseDays(), own == null ? "this host group" : "host group " + own.path());
    }

    private static String key(String path) {
        return String.join(" / ", java.util.Arrays.stream(path.split("/")).map(String::strip).toList())
                .toLowerCase(Locale.ROOT);
    }
}
