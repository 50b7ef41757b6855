package dev.corral.hosts;

import dev.corral.access.AccessPolicy;
import dev.corral.access.AssignmentService;
import dev.corral.access.Permission;
import dev.corral.access.Scope;
import dev.corral.base.InvalidInputException;
import dev.corral.base.NotFoundException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The host-group tree: create, rename, move and delete groups, under host.manage, audited. */
@Service
@Transactional
public class HostGroupAdministration {

    private final HostGroupRepository groups;
    private final HostRepository hosts;
    private final HostTree tree;
    private final AccessPolicy policy;
    private final AssignmentService assignments;
    private final HostAudit audit;

    HostGroupAdministration(HostGroupRepository groups, HostRepository hosts, HostTree tree, AccessPolicy policy,
            AssignmentService assignments, HostAudit audit) {
        this.groups = groups;
        this.hosts = hosts;
        this.tree = tree;
        this.policy = policy;
        this.assignments = assignments;
        this.audit = audit;
    }

    /** The groups the caller may see, with the groups above them so that the tree holds together. */
    @Transactional(readOnly = true)
    public List<HostGroupSummary> visibleGroups() {
        AccessPolicy.Visibility v = policy.visibility(Permission.INVENTORY_VIEW);
        List<HostGroupSummary> all = tree.groups();
        if (v.everythingUndenied()) {
            return all;
        }
        Set<UUID> shown = new HashSet<>();
        for (HostGroupSummary group : all) {
            if (HostService.visibleGroup(group.id(), v)) {
                shown.addAll(tree.groupChain(group.id()));
            }
        }
        tree.hosts().stream().filter(h -> HostService.visible(h, v))
                .forEach(h -> shown.addAll(tree.groupChain(h.hostGroupId())));
        return all.stream().filter(g -> shown.contains(g.id())).toList();
    }

    public HostGroupSummary create(NewHostGroup request) {
        String name = HostInput.name("name", request.name(), "host group");
        UUID parentId = request.parentId();
        if (parentId != null && !groups.existsById(parentId)) {
            throw new InvalidInputException("parentId", "There is no such host group to create the group in.");
        }
        policy.require(Permission.HOST_MANAGE, at(parentId));
        requireUniqueName(name, parentId, null);
        HostGroup saved = groups.save(new HostGroup(UUID.randomUUID(), name, parentId));
        HostGroupSummary summary = summary(saved.id());
        audit.changed("host-group.create", "host-group", saved.id(), summary.path(), "Created host group "
                + summary.path() + ".");
        return summary;
    }

    public HostGroupSummary rename(UUID id, String newName) {
        HostGroup group = visible(id);
        policy.require(Permission.HOST_MANAGE, Scope.hostGroup(id));
        String name = HostInput.name("name", newName, "host group");
        requireUniqueName(name, group.parentId(), id);
        String before = summary(id).path();
        group.rename(name);
        groups.flush();
        HostGroupSummary after = summary(id);
        audit.changed("host-group.rename", "host-group", id, after.path(), "Renamed host group " + before + " to "
                + after.path() + ".");
        return after;
    }

    /** Moves the group (and everything below it) under another group, or to the top with a null parent. */
    public HostGroupSummary move(UUID id, UUID newParentId) {
        HostGroup group = visible(id);
        if (newParentId != null && !groups.existsById(newParentId)) {
            throw new InvalidInputException("parentId", "There is no such host group to move the group into.");
        }
        policy.require(Permission.HOST_MANAGE, Scope.hostGroup(id));
        policy.require(Permission.HOST_MANAGE, at(newParentId));
        if (newParentId != null && tree.groupAndDescendants(id).contains(newParentId)) {
            throw new InvalidInputException("parentId", "A host group cannot move into itself or a group below it.");
        }
        requireUniqueName(group.name(), newParentId, id);
        String before = summary(id).path();
        group.moveUnder(newParentId);
        groups.flush();
        HostGroupSummary after = summary(id);
        audit.changed("host-group.move", "host-group", id, after.path(), "Moved host group " + before + " to "
                + after.path() + ".");
        return after;
    }

    /** Deletes an empty group; one with hosts or groups in it is refused, naming them. */
    public void delete(UUID id) {
        visible(id);
        policy.require(Permission.HOST_MANAGE, Scope.hostGroup(id));
        HostGroupSummary group = summary(id);
        List<String> contents = contents(id);
        if (!contents.isEmpty()) {
            throw new InvalidInputException("id", "Host group " + group.path() + " is not empty: it holds "
                    + String.join(", ", contents) + ". Move or remove them first.");
        }
        groups.deleteById(id);
        assignments.forget(Scope.hostGroup(id));
        audit.changed("host-group.delete", "host-group", id, group.path(), "Deleted host group " + group.path() + ".");
    }

    /** Whether the caller may create a group here (null: at the top) or change this group. */
    @Transactional(readOnly = true)
    public boolean mayManage(UUID groupId) {
        return policy.allows(Permission.HOST_MANAGE, at(groupId));
    }

    private List<String> contents(UUID id) {
        List<String> contents = new ArrayList<>();
        List<String> hostNames = hosts.findByHostGroupId(id).stream()
                .map(h -> h.summary().name()).sorted().toList();
        List<String> subgroups = groups.findAll().stream().filter(g -> id.equals(g.parentId())).map(HostGroup::name)
                .sorted().toList();
        if (!hostNames.isEmpty()) {
            contents.add((hostNames.size() == 1 ? "host " : hostNames.size() + " hosts (") + String.join(", ", hostNames)
                    + (hostNames.size() == 1 ? "" : ")"));
        }
        if (!subgroups.isEmpty()) {
            contents.add((subgroups.size() == 1 ? "host group " : subgroups.size() + " host groups (")
                    + String.join(", ", subgroups) + (subgroups.size() == 1 ? "" : ")"));
        }
        return contents;
    }

    private void requireUniqueName(String name, UUID parentId, UUID self) {
        boolean taken = groups.findAll().stream().anyMatch(g -> Objects.equals(g.parentId(), parentId)
                && !g.id().equals(self) && g.name().equalsIgnoreCase(name));
        if (taken) {
            throw new InvalidInputException("name", "There is already a host group named " + name + " there.");
        }
    }

    /** The group, if the caller may see it; otherwise it does not exist for them. */
    private HostGroup visible(UUID id) {
        HostGroup group = groups.findById(id).orElseThrow(HostGroupAdministration::noSuchGroup);
        boolean shown = visibleGroups().stream().anyMatch(g -> g.id().equals(id));
        if (!shown) {
            throw noSuchGroup();
        }
        return group;
    }

    private static NotFoundException noSuchGroup() {
        return new NotFoundException("There is no such host group, or your roles do not let you see it.");
    }

    private HostGroupSummary summary(UUID id) {
        return tree.group(id).orElseThrow(HostGroupAdministration::noSuchGroup);
    }

    private static Scope at(UUID groupId) {
        return groupId == null ? Scope.GLOBAL : Scope.hostGroup(groupId);
    }
}
