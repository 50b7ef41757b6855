package dev.corral.vms;

import dev.corral.access.QuotaUsage;
import dev.corral.access.Scope;
import dev.corral.access.ScopeHierarchy;
import dev.corral.hosts.HostSummary;
import dev.corral.hosts.HostTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The inventory tree and VM ownership, as the access model asks for them. */
@Service
@Transactional(readOnly = true)
class InventoryScopes implements ScopeHierarchy, QuotaUsage {

    private final HostTree tree;
    private final VmRepository vms;

    InventoryScopes(HostTree tree, VmRepository vms) {
        this.tree = tree;
        this.vms = vms;
    }

    @Override
    public List<Scope> lineage(Scope object) {
        List<Scope> lineage = new ArrayList<>();
        UUID hostId = null;
        UUID groupId = null;
        switch (object.kind()) {
            case GLOBAL -> { }
            case VM -> {
                Optional<Vm> vm = vms.findById(object.id());
                if (vm.isEmpty()) {
                    return List.of();
                }
                lineage.add(object);
                hostId = vm.get().hostId();
            }
            case HOST -> hostId = object.id();
            case HOST_GROUP -> groupId = object.id();
        }
        if (hostId != null) {
            Optional<HostSummary> host = tree.host(hostId);
            if (host.isEmpty()) {
                return List.of();
            }
            lineage.add(Scope.host(hostId));
            groupId = host.get().hostGroupId();
        }
        if (groupId != null) {
            List<UUID> chain = tree.groupChain(groupId);
            if (chain.isEmpty()) {
                return List.of();
            }
            chain.forEach(id -> lineage.add(Scope.hostGroup(id)));
        }
        lineage.add(Scope.GLOBAL);
        return lineage;
    }

    @Override
    public Set<UUID> allGroups() {
        return tree.groups().stream().map(g -> g.id()).collect(java.util.stream.Collectors.toSet());
    }

    @Override
    public Set<UUID> groupAndDescendants(UUID hostGroupId) {
        return tree.groupAndDescendants(hostGroupId);
    }

    @Override
    public Optional<String> describe(Scope scope) {
        return switch (scope.kind()) {
            case GLOBAL -> Optional.of("everything");
            case HOST_GROUP -> tree.group(scope.id()).map(g -> "host group " + g.path());
            case HOST -> tree.host(scope.id()).map(h -> "host " + h.name());
            case VM -> vms.findById(scope.id()).map(vm -> "VM " + vm.name());
        };
    }

    @Override
    public List<Scope> groupsAndHosts() {
        List<Scope> scopes = new ArrayList<>();
        List<HostSummary> hosts = tree.hosts();
        for (var group : tree.groups()) {
            scopes.add(Scope.hostGroup(group.id()));
            hosts.stream().filter(h -> h.hostGroupId().equals(group.id())).forEach(h -> scopes.add(Scope.host(h.id())));
        }
        return scopes;
    }

    @Override
    public Optional<UUID> rootGroupNamed(String name) {
        return tree.groups().stream().filter(g -> g.parentId() == null && g.name().equalsIgnoreCase(name))
                .map(g -> g.id()).findFirst();
    }

    @Override
    public Optional<String> ownerOf(UUID vmId) {
        return vms.findById(vmId).map(Vm::owner);
    }

    @Override
    public Usage usageOf(String owner) {
        VmRepository.OwnerUsage usage = vms.usageOf(owner);
        return new Usage((int) usage.getVms(), (int) orZero(usage.getVcpus()), orZero(usage.getMemoryMiB()),
                orZero(usage.getStorageGiB()));
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
