package dev.corral.hosts;

import dev.corral.access.AccessPolicy;
import dev.corral.access.Permission;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The hosts a user may see, with their health. */
@Service
@Transactional(readOnly = true)
public class HostService {

    private final HostTree tree;
    private final HostRuntimeRepository runtime;
    private final AccessPolicy policy;

    HostService(HostTree tree, HostRuntimeRepository runtime, AccessPolicy policy) {
        this.tree = tree;
        this.runtime = runtime;
        this.policy = policy;
    }

    /** Hosts under a grant of inventory.view (a self-service grant shows the hosts of its scope too), minus No Access. */
    public List<HostRow> visibleHosts() {
        AccessPolicy.Visibility v = policy.visibility(Permission.INVENTORY_VIEW);
        Map<UUID, String> paths = tree.groups().stream()
                .collect(Collectors.toMap(HostGroupSummary::id, HostGroupSummary::path));
        Map<UUID, HostRuntime> health = runtime.findAll().stream()
                .collect(Collectors.toMap(r -> r.hostId(), Function.identity()));
        Set<UUID> maintenance = tree.hostsInMaintenance();
        // The engine URI names where and how Corral reaches the hypervisor: only for those who manage the host.
        AccessPolicy.Visibility manage = policy.visibility(Permission.HOST_MANAGE);
        return tree.hosts().stream()
                .filter(h -> visible(h, v))
                .map(h -> row(manage.host(h.id(), h.hostGroupId()) ? h : h.withoutUri(), paths.get(h.hostGroupId()),
                        health.get(h.id()), maintenance.contains(h.id())))
                .sorted(Comparator.comparing(HostRow::hostGroup, String.CASE_INSENSITIVE_ORDER).thenComparing(HostRow::name))
                .toList();
    }

    static boolean visible(HostSummary host, AccessPolicy.Visibility v) {
        return v.host(host.id(), host.hostGroupId());
    }

    /** Whether a grant covers the group itself (the visibility's groups include those below each grant). */
    static boolean visibleGroup(UUID groupId, AccessPolicy.Visibility v) {
        return v.hostGroup(groupId, true);
    }

    /** Whether the caller sees a VM of a host they see: all of them under a full grant, else theirs or those named. */
    static boolean visibleVm(HostSummary host, HostAllocation.HostedVm vm, AccessPolicy.Visibility v) {
        return v.vm(vm.id(), host.id(), host.hostGroupId(), vm.owner());
    }

    private static HostRow row(HostSummary host, String path, HostRuntime health, boolean maintenance) {
        HostHealth.Status status = health == null ? null : health.status();
        return new HostRow(host.id(), host.name(), path == null ? "" : path, host.uri(), host.edition(), host.cluster(),
                status == null ? null : status.reachable(), status == null ? null : status.lastContact(),
                status == null ? null : status.problem(), maintenance);
    }
}
