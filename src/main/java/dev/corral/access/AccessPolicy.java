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

    /**
     * Refuses, and records the refusal in the audit trail under {@code action}, unless the caller
     * holds the permission at some scope: for things that have no one object, such as an export,
     * whose rows are then limited by {@link #visibility(Permission)}.
     */
    Visibility requireSomewhere(Permission permission, String action);

    record Decision(boolean allowed, String summary, java.util.List<String> because) {
    }

    /**
     * Scopes under which objects are visible; deny lists win (No Access). Under the owned-only
     * scopes, only VMs owned by {@code user} are.
     */
    record Visibility(String user, boolean everything, Set<UUID> hostGroups, Set<UUID> hosts, Set<UUID> vms,
            Set<UUID> ownedOnlyHostGroups, Set<UUID> ownedOnlyHosts,
            Set<UUID> deniedHostGroups, Set<UUID> deniedHosts, Set<UUID> deniedVms) {

        /** Whether the permission is held at no scope at all. */
        public boolean nowhere() {
            return !everything && hostGroups.isEmpty() && hosts.isEmpty() && vms.isEmpty() && ownedOnlyHostGroups.isEmpty()
                    && ownedOnlyHosts.isEmpty();
        }

        /** Whether a host (in the host group {@code hostGroupId}) is visible: under a grant, and under no No Access. */
        public boolean host(UUID hostId, UUID hostGroupId) {
            boolean granted = everything || on(hostId, hostGroupId, hostGroups, hosts)
                    || on(hostId, hostGroupId, ownedOnlyHostGroups, ownedOnlyHosts);
            return granted && !on(hostId, hostGroupId, deniedHostGroups, deniedHosts);
        }

        /**
         * Whether a VM is visible, by the rule of the VM list: under a full grant on its host or host
         * group, granted by itself, or owned by the caller under an owned-only grant; never under No
         * Access. {@code hostId} is null when its host is no longer registered: then only a grant of
         * the VM itself shows it.
         */
        public boolean vm(UUID vmId, UUID hostId, UUID hostGroupId, String owner) {
            if (deniedVms.contains(vmId) || hostId != null && on(hostId, hostGroupId, deniedHostGroups, deniedHosts)) {
                return false;
            }
            if (everything || vms.contains(vmId)) {
                return true;
            }
            if (hostId == null) {
                return false;
            }
            return on(hostId, hostGroupId, hostGroups, hosts) || on(hostId, hostGroupId, ownedOnlyHostGroups, ownedOnlyHosts)
                    && owner != null && owner.equalsIgnoreCase(user);
        }

        private static boolean on(UUID hostId, UUID hostGroupId, Set<UUID> groups, Set<UUID> hostIds) {
            return hostGroupId != null && groups.contains(hostGroupId) || hostIds.contains(hostId);
        }
    }
}
