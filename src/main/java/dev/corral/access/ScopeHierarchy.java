package dev.corral.access;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The inventory tree as the access model needs it; implemented by the inventory, so that access
 * depends on no feature.
 */
public interface ScopeHierarchy {

    /** The object, then each scope above it up to and including {@link Scope#GLOBAL}; empty if the object does not exist. */
    List<Scope> lineage(Scope object);

    /** Every host group. */
    Set<UUID> allGroups();

    /** The host group and every host group below it. */
    Set<UUID> groupAndDescendants(UUID hostGroupId);

    /** The host groups and hosts, in tree order: the scopes offered when assigning a role. */
    List<Scope> groupsAndHosts();

    /** A top-level host group by name. */
    Optional<UUID> rootGroupNamed(String name);

    /** The owner of a VM, if it has one. */
    Optional<String> ownerOf(UUID vmId);

    /** A name for people: "host group HQ", "host hq-hv01", "VM web01", "everything". */
    Optional<String> describe(Scope scope);
}
