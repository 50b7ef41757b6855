package dev.corral.access;

import java.util.Set;
import java.util.UUID;

/**
 * The one place that decides whether the signed-in caller may do something somewhere. Every
 * feature service asks it before acting; views and controllers only ask it to hide or disable
 * what would be refused anyway.
 */
public interface AccessPolicy {

    /** Refuses, and records the refusal in the audit trail, unless the caller holds the permission at the object. */
    void require(Permission permission, Scope object);

    /** Whether the caller holds the permission at the object; records nothing. */
    boolean allows(Permission permission, Scope object);

    /** Why a principal may or may not do something: the deciding assignments and the group chain. */
    Decision explain(String principal, Permission permission, Scope object);

    /**
     * The host groups, hosts and VMs where the caller holds the permission, for filtering lists
     * in the database; {@link Visibility#everything()} when it is held globally.
     */
    Visibility visibility(Permission permission);

    record Decision(boolean allowed, String summary, java.util.List<String> because) {
    }

    /**
     * Scopes under which objects are visible; deny lists win (No Access). Under the owned-only
     * scopes, only VMs owned by {@code user} are.
     */
    record Visibility(String user, boolean everything, Set<UUID> hostGroups, Set<UUID> hosts, Set<UUID> vms,
            Set<UUID> ownedOnlyHostGroups, Set<UUID> ownedOnlyHosts,
            Set<UUID> deniedHostGroups, Set<UUID> deniedHosts, Set<UUID> deniedVms) {
    }
}
